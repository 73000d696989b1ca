/**
 * Policy cards of the chat scenario: its attack strategies (logit stealing among them), its two
 * answer formats that limit what an API returns (text only, top log-probabilities), hidden
 * reasoning, the reasoning-elicitation filter, the text watermark, campaign detection across
 * accounts and the attacker's cover traffic against it (`attack.mixing`). Figures only
 * from shared/REFERENCE.md ("The chat scenario" and the figures table), each with its source.
 */
import {
  attack,
  ATTACK_ATLAS,
  defense,
  EU_AI_ACT,
  type PolicyCard,
  type PublishedFigure,
} from './policyCardParts';
import { POLICY_CARD_TITLES } from './policyCardTitles';

const CASE_STUDY =
  'AML.CS0056 case study: Model Distillation Campaigns Targeting Anthropic Claude (2026)';

const CAMPAIGN: PublishedFigure = {
  claim: "distillation campaign against one provider's chat model",
  figure:
    'about 24,000 fraudulent accounts, over 16 million exchanges; three labs: more than 150,000, 3.4 million and 13 million',
  source: "the provider's report of 23 Feb 2026; MITRE ATLAS case study AML.CS0056",
};

const HYDRA: PublishedFigure = {
  claim: 'proxy "hydra clusters"',
  figure:
    'one proxy network ran more than 20,000 accounts at once, mixing extraction with ordinary traffic',
  source: "the provider's report of 23 Feb 2026, as quoted by several outlets",
};

const LAYER_STEALING: PublishedFigure = {
  claim: 'production LLM layer stealing',
  figure: 'embedding projection of two OpenAI models for under $20',
  source: 'Carlini et al. 2024',
};

/** The EU AI Act's obligations for general-purpose AI models (REFERENCE.md, "Policy map"). */
const GPAI =
  'For general-purpose AI models: Art. 53 (documentation, copyright policy) for all providers; Art. 55 (adversarial testing, serious-incident reporting, adequate cybersecurity protection of the model) for models with systemic risk.';

/** A chat attack's card: the shared attack frameworks plus the campaign's case study. */
function chatAttack(card: Parameters<typeof attack>[0]): PolicyCard {
  return { ...attack(card), atlas: [...ATTACK_ATLAS, CASE_STUDY] };
}

export const CHAT_POLICY_CARDS: readonly PolicyCard[] = [
  chatAttack({
    id: 'taskPrompts',
    title: POLICY_CARD_TITLES.taskPrompts,
    what: 'The attacker asks the chat model the kind of problems it wants its own model to solve, and trains a small model on the answers. Whatever reasoning the answers show, the copy learns from.',
    stakes:
      'Each request looks like an honest one. Spread over many accounts, the reported campaign looked like light use per account.',
    inLab:
      'Chat scenario, strategy "Task prompts": compare reasoning shown with reasoning hidden at the same budget.',
    figures: [CAMPAIGN, HYDRA],
  }),
  chatAttack({
    id: 'elicitReasoning',
    title: POLICY_CARD_TITLES.elicitReasoning,
    what: 'The attacker words every prompt so that the model writes out its steps in the visible answer. The reported campaign did this: its prompts asked the model for its step-by-step reasoning, the most valuable training signal.',
    stakes:
      'Hiding the reasoning does not help when the model can be asked to show it: the steps reach the attacker anyway.',
    inLab:
      'Chat scenario, reasoning hidden: switch the strategy from "Task prompts" to "Ask for the steps" and watch capability come back.',
    figures: [CAMPAIGN],
  }),
  chatAttack({
    id: 'randomText',
    title: POLICY_CARD_TITLES.randomText,
    what: 'The attacker sends random strings of words, knowing nothing of what the model is good at.',
    stakes:
      'It shows what knowing the task is worth: the same budget spent on random text teaches the copy almost nothing of the skill.',
    inLab: 'Chat scenario, strategy "Random text": the capability curve stays near chance (10%).',
    figures: [CAMPAIGN],
  }),
  defense(
    {
      id: 'text',
      title: POLICY_CARD_TITLES.text,
      what: 'The chat API returns the words it wrote and nothing about the other words it might have written.',
      stakes:
        'Honest users who want confidence scores do not get them; most chat users never look at them.',
      inLab:
        'Chat scenario: compare "Text only" with "Text with top log-probabilities": the copy needs more prompts with text alone.',
      atlas: ['AML.M0002 Passive AI Output Obfuscation'],
      figures: [LAYER_STEALING],
    },
    'limit logit and logprob exposure',
  ),
  defense(
    {
      id: 'topLogprobs',
      title: POLICY_CARD_TITLES.topLogprobs,
      what: 'With each word the API returns only the k most likely words and their log-probabilities, not the whole distribution.',
      stakes:
        'Developers who use log-probabilities get fewer of them. A small k still teaches a copy more per prompt than text.',
      inLab:
        'Chat scenario, answers "Text with top log-probabilities": lower k and compare the learning curves.',
      atlas: ['AML.M0002 Passive AI Output Obfuscation'],
      figures: [LAYER_STEALING],
    },
    'limit logit and logprob exposure',
  ),
  defense(
    {
      id: 'hiddenReasoning',
      title: POLICY_CARD_TITLES.hiddenReasoning,
      what: "The chat API keeps the model's reasoning steps to itself and returns only the result (providers hide or summarise raw reasoning).",
      stakes:
        'Honest users who wanted to see how the model got its answer lose that, and the lab counts them. Attackers who ask the model to write its steps in the answer get them anyway.',
      inLab:
        'Chat scenario: Reasoning "Hidden" with "Task prompts", then with "Ask for the steps"; read the honest users\' cost on the scoreboard.',
      atlas: ['AML.M0002 Passive AI Output Obfuscation', CASE_STUDY],
      figures: [CAMPAIGN],
    },
    'limit what the API exposes',
  ),
  {
    ...chatAttack({
      id: 'logitStealing',
      title: POLICY_CARD_TITLES.logitStealing,
      what: "The attacker sends random prompts and asks for one word with the log-probabilities of every word. Those vectors all lie in a space as small as the model's hidden layer, so their singular values drop sharply after its size: the attacker learns the hidden size and the last layer up to a linear map (Carlini et al. 2024).",
      stakes:
        'It reveals part of the model itself, not just its skill, for the price of a few hundred queries. Returning only the top few log-probabilities defeats this simple form; noise that stays the same for each prompt can hide the drop.',
      inLab:
        'Chat scenario, strategy "Logit stealing": answers with all log-probabilities show the drop; switch to top log-probabilities or to noisy answers and watch it vanish.',
      figures: [LAYER_STEALING],
    }),
    euAiAct: `${EU_AI_ACT} ${GPAI}`,
  },
  {
    ...defense(
      {
        id: 'textWatermark',
        title: POLICY_CARD_TITLES.textWatermark,
        what: 'Each word the model writes leans towards a secret "green" half of the vocabulary chosen from the word before (Kirchenbauer et al. 2023). A student trained on the answers learns the lean (Gu et al. 2024), so the owner can test a suspect model\'s own text: many more green words than chance is evidence of a copy.',
        stakes:
          'Honest users get slightly different wording. Only words the model could freely choose carry the mark: exact answers such as arithmetic carry none. Each key has its own baseline, so the false accusation rate must be measured, not assumed.',
        inLab:
          "Chat scenario, Watermark on: compare the student's z with the control student's and the teacher's own; raise the prompts and watch the student's z grow.",
        atlas: ['AML.M0002 Passive AI Output Obfuscation', CASE_STUDY],
        figures: [CAMPAIGN],
      },
      'watermarking',
    ),
    euAiAct: `${EU_AI_ACT} ${GPAI}`,
  },
  {
    ...defense(
      {
        id: 'elicitationFilter',
        title: POLICY_CARD_TITLES.elicitationFilter,
        what: "Requests that ask the model to write out its reasoning get the answer without the steps. The provider's report described classifiers for reasoning-elicitation prompts; the campaign's prompts asked for step-by-step reasoning.",
        stakes:
          'Honest users who ask for an explanation look the same as the campaign and lose it too; the lab counts them as steps denied.',
        inLab:
          'Chat scenario: reasoning hidden, strategy "Ask for the steps", then switch the filter on; read the steps denied to honest users.',
        atlas: ['AML.M0015 Adversarial Input Detection', CASE_STUDY],
        figures: [CAMPAIGN],
      },
      'anomaly detection',
    ),
    euAiAct: `${EU_AI_ACT} ${GPAI}`,
  },
  {
    ...defense(
      {
        id: 'campaignDetection',
        title: POLICY_CARD_TITLES.campaignDetection,
        what: "The provider looks at accounts together, not one by one: it fingerprints each account's traffic (the wording its prompts share with other accounts, the hours it is active, its volume, how often it asks for reasoning) and bans groups of accounts that look alike. The provider's report credits classifiers and behavioural fingerprinting that find coordinated activity across accounts (shared templates, timing, infrastructure) with finding the campaign.",
        stakes:
          'Honest users who resemble each other (the same popular phrasing, the same hours, the same habits) can be banned with a campaign; the lab counts them as false positives. Detection acts after the fact, here at the end of each day, so the campaign gets some answers first.',
        inLab:
          'Chat scenario: many accounts over several days, switch "Campaign detection" on; read the share of the attacker\'s accounts flagged, the honest accounts flagged, and the cluster picture; then make groups smaller or raise the attacker\'s cover traffic.',
        atlas: [
          'AML.M0015 Adversarial Input Detection',
          'AML.M0019 Control Access to AI Models',
          CASE_STUDY,
        ],
        figures: [CAMPAIGN, HYDRA],
        chart: { region: 'campaign', label: 'the cluster picture' },
      },
      'anomaly detection',
    ),
    euAiAct: `${EU_AI_ACT} ${GPAI}`,
  },
  chatAttack({
    id: 'coverTraffic',
    title: POLICY_CARD_TITLES.coverTraffic,
    what: 'The attacker mixes its extraction prompts with prompts that imitate ordinary customers (their wording, their hours, their questions), so that each of its many accounts looks like a light, ordinary user. The reported proxy networks did this: one ran more than 20,000 accounts at once, mixing extraction with ordinary traffic.',
    stakes:
      'Cover traffic is paid for like any other and teaches the copy nothing, so the attacker pays more for the same copy; in exchange, detection that looks for look-alike accounts finds fewer of them, above all when each account sends only a few prompts.',
    inLab:
      'Chat scenario, campaign detection on: raise "Cover traffic" from 0 to 0.5 and 0.9, with 100 and then 10,000 accounts; compare the accounts flagged, the copy\'s capability and the cost.',
    figures: [CAMPAIGN, HYDRA],
  }),
];
