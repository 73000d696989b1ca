/**
 * The credit attacks' options from a config: the student of the fallbacks (attack.student.model)
 * and the line search's precision (attack.precision, declared by the lineSearch plug-in).
 */
import type { Config } from '../../config/schema';
import type { CreditAttackOptions } from './attacks/types';

export function creditAttackOptions(config: Config): CreditAttackOptions {
  return { student: config.attack.student.model, precision: config.attack.precision };
}
