/** One printed benchmark figure: what `run()` of every benchmark module returns (scripts/bench.mjs prints them). */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The goal, as printed (DESIGN §13). */
  readonly target?: string;
  /** Verdict, ratios to peers and ceilings, conditions of the measure. */
  readonly note?: string;
}
