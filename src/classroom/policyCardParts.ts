/**
 * The parts policy cards are made of (./policyCards.ts, ./chatPolicyCards.ts): the card's shape,
 * the frameworks every card names, the figures several cards quote (each from shared/REFERENCE.md
 * with its source), and the builders of an attack's and a defense's card.
 */

export interface PublishedFigure {
  claim: string;
  figure: string;
  source: string;
}

export interface PolicyCard {
  /** the strategy or output mode name of the config, or the defense's switch group */
  id: string;
  kind: 'attack' | 'defense';
  title: string;
  /** what it is, in two or three plain sentences */
  what: string;
  /** for an attack: why it matters; for a defense: what it costs honest users */
  stakes: string;
  /** what to try in the lab */
  inLab: string;
  atlas: string[];
  owasp: string[];
  nist: string;
  euAiAct: string;
  /** other law that bears on it (GDPR, case law), when any */
  law?: string[];
  figures: PublishedFigure[];
  /** a chart of the lab that answers the card's question: its tour region and what to call it */
  chart?: { region: string; label: string };
}

export const NIST =
  'NIST AI 100-2 (Adversarial Machine Learning taxonomy): model extraction, under privacy attacks.';
export const EU_AI_ACT =
  'EU AI Act, Article 15(5): high-risk AI systems must resist attempts to exploit their vulnerabilities, including confidentiality attacks.';
export const OWASP_ML = 'OWASP Machine Learning Security Top 10: ML05:2023 Model Theft.';
export const OWASP_LLM =
  'OWASP Top 10 for LLM Applications 2025: LLM10 Unbounded Consumption (model extraction through the API).';

export const ATTACK_ATLAS = [
  'AML.T0040 AI Model Inference API Access',
  'AML.T0024.002 Extract AI Model (exfiltration via the inference API)',
  'AML.T0005.001 Train Proxy via Replication',
];

export const PRICES: PublishedFigure = {
  claim: 'API prices used in the literature',
  figure: '$1-10 per 1,000 queries',
  source: 'Lee et al. 2019',
};
export const CONFIDENCES: PublishedFigure = {
  claim: 'confidences vs labels only',
  figure: 'probabilities need 50-100x fewer queries',
  source: 'Tramer et al. 2016, as cited by Lee et al. 2019',
};

export function attack(
  card: Omit<PolicyCard, 'kind' | 'atlas' | 'owasp' | 'nist' | 'euAiAct'>,
): PolicyCard {
  return {
    ...card,
    kind: 'attack',
    atlas: ATTACK_ATLAS,
    owasp: [OWASP_ML, OWASP_LLM],
    nist: NIST,
    euAiAct: EU_AI_ACT,
  };
}

export function defense(
  card: Omit<PolicyCard, 'kind' | 'owasp' | 'nist' | 'euAiAct'>,
  llm10: string,
): PolicyCard {
  return {
    ...card,
    kind: 'defense',
    owasp: [OWASP_ML, `${OWASP_LLM} Mitigation: ${llm10}.`],
    nist: NIST,
    euAiAct: EU_AI_ACT,
  };
}
