/**
 * The credit scenario's algorithm layer (issue 11), for the scenario-kind registry to compose:
 * population (features.ts, population.ts), victims (logistic.ts, victim.ts, model.ts), the attack
 * context and its direct implementation (context.ts, answers.ts), the attacks (attacks/), the
 * metrics (metrics.ts), a gate-free runner (experiment.ts) and the closing table (table.ts).
 */
export * from './features';
export * from './population';
export * from './model';
export * from './logistic';
export * from './victim';
export * from './context';
export * from './answers';
export * from './student';
export * from './attacks';
export * from './metrics';
export * from './experiment';
export * from './table';
export * from './slice';
