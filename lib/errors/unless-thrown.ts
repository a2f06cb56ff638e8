// A parse that answers a fallback instead of throwing, for input that may well be malformed: only the error class
// that means "not valid input" is turned into the fallback; anything else is still thrown. Pure.

export function unlessThrown<T, F>(
  parse: () => T,
  notValid: abstract new (...args: never[]) => Error,
  fallback: F,
): T | F {
  try {
    return parse();
  } catch (e) {
    if (e instanceof notValid) return fallback;
    throw e;
  }
}
