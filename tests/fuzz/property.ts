/** What a fuzz target throws when a property breaks: the harness reports it as a failure with the shrunk input. */
export class PropertyBroken extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PropertyBroken';
  }
}

export function ensure(cond: unknown, what: string): asserts cond {
  if (!cond) throw new PropertyBroken(what);
}
