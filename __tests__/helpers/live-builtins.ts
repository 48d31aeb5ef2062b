/**
 * The object a spy replaces a built-in's function on: under jest, the table of implementations
 * that __tests__/setup/live-builtins.cjs made the module's functions call (jest hands src/ a copy
 * of the module's exports that replacing them on the module itself does not reach); elsewhere the
 * module itself, with syncBuiltinESMExports to publish the change.
 */
export function liveBuiltin<T extends object>(mod: T): T {
  return ((mod as Record<symbol, unknown>)[Symbol.for('artifact-seal.live-builtins')] as T | undefined) ?? mod
}
