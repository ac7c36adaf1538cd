/**
 * The closed vocabulary of lesson MDX: every component an author may use, with the props it takes.
 * Plain data, no React: the compile step (app/_content/compile.ts) checks each lesson against it,
 * so an unknown tag, an unknown prop or a missing required prop fails the build.
 * widgets.tsx implements exactly these names (its type says so).
 * @module
 */

export interface ComponentRule {
  /** Props the component accepts. */
  props: readonly string[];
  /** Props that must be present. */
  required?: readonly string[];
  /** Props that are flags (`<Choice correct>`), written without a value. */
  flags?: readonly string[];
  /** Props written as a whole-number literal (`<Step n={45}>`), the one expression a lesson may hold. */
  numbers?: readonly string[];
}

export const vocabulary = {
  YouWillLearn: { props: [] },
  Note: { props: ['title'] },
  Pitfall: { props: ['title'] },
  DeepDive: { props: ['title'], required: ['title'] },
  Recap: { props: [] },
  Term: { props: ['de', 'en'] },
  Spec: { props: ['ref'], required: ['ref'] },
  Quiz: { props: ['question'], required: ['question'] },
  Choice: { props: ['correct', 'why'], flags: ['correct'] },
  Scenario: { props: ['id', 'view', 'initialStep'], required: ['id'] },
  Step: { props: ['n'], required: ['n'], numbers: ['n'] },
  Predict: { props: ['scenario', 'step', 'observer', 'kind', 'about', 'question', 'why'], required: ['scenario', 'step', 'observer', 'kind', 'question', 'why'] },
  StanzaView: { props: ['scenario', 'step'], required: ['scenario', 'step'] },
  Annotation: { props: ['at'], required: ['at'] },
  Exercise: { props: ['kind', 'scenario', 'step', 'observer', 'user', 'candidates', 'hint'], required: ['kind', 'scenario', 'hint'] },
  FurtherReading: { props: [] },
  StateDiagram: { props: ['table', 'highlight', 'user', 'contact'], required: ['table'] },
  // lessons-c (contract C5): a table of security requirements, each row linking to where a preset meets and breaks it.
  Scorecard: { props: ['title'], required: ['title'] },
  Requirement: { props: ['id', 'name', 'means', 'met', 'metLens', 'metText', 'broken', 'brokenLens', 'brokenText', 'lesson'], required: ['id', 'name', 'means'] },
  // tls-view (contract K1): a preset's TLS handshake byte by byte with its key schedule, and its SCRAM login computed.
  Handshake: { props: ['id', 'observer', 'connection'], required: ['id'] },
  ScramCalculator: { props: ['id'], required: ['id'] },
} as const satisfies Record<string, ComponentRule>;

export type ComponentName = keyof typeof vocabulary;

export const scenarioViews = ['both', 'network', 'sequence'] as const;
export type ScenarioView = (typeof scenarioViews)[number];

/** HTML elements an author may write directly (lowercase JSX). Anything else fails the build. */
export const allowedHtml: readonly string[] = ['br', 'kbd', 'abbr', 'sub', 'sup', 'span', 'figure', 'figcaption'];
