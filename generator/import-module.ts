// import() of a module the generator does not bundle: a generated package
// (the mock's server build) or a lint plugin's file.
//
// Why a module of its own: the prebuilt generator is one script that V8
// compiles with its code cache (bin/prebuilt.js), and on Node 20 code
// compiled that way cannot call import() (it needs a loader callback that
// only --experimental-vm-modules provides). The build replaces this module's
// body with the loader's own import(), made in a real ES module.
export function importModule(specifier: string): Promise<unknown> {
  return import(specifier);
}
