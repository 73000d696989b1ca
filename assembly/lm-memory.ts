/** Addresses and loads in the module's memory for the chat kernels (assembly/lm.ts). */

/** Address of double `index` from `base`. */
export function at(base: usize, index: i32): usize {
  return base + ((<usize>index) << 3);
}

/** Double `index` from `base`. */
export function f64At(base: usize, index: i32): f64 {
  return load<f64>(base + ((<usize>index) << 3));
}

/** i32 `index` from `base`. */
export function i32At(base: usize, index: i32): i32 {
  return load<i32>(base + ((<usize>index) << 2));
}
