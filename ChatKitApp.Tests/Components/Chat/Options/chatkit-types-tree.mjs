// Prints the member tree of types in @openai/chatkit's index.d.ts as JSON, read by the TypeScript
// compiler itself (no hand-written parser to drift from the language):
//   node chatkit-types-tree.mjs <typescript package dir> <index.d.ts> <TypeName>...
// Each member: { optional, callback, members? }. Unions merge their object members (a string or a
// literal alternative adds none); arrays stand for their element type; functions are callbacks
// (their parameters are not options); records keyed by arbitrary strings (accept, data, per-MIME
// maxSize) have no fixed member names and stop there.
import { createRequire } from 'node:module';

const [typescriptDir, typesFile, ...typeNames] = process.argv.slice(2);
const ts = createRequire(import.meta.url)(typescriptDir);
const program = ts.createProgram([typesFile], { noEmit: true, skipLibCheck: true, strict: true });
const checker = program.getTypeChecker();
const source = program.getSourceFile(typesFile);
if (!source) throw new Error(`Cannot read ${typesFile}`);

/** @param {any} type @param {Set<any>} seen */
function members(type, seen) {
  const result = {};
  for (const part of type.isUnion() ? type.types : [type]) {
    const element = checker.isArrayType(part) ? checker.getTypeArguments(part)[0] : part;
    if (element.isUnion()) { Object.assign(result, members(element, seen)); continue; }
    if (!(element.flags & ts.TypeFlags.Object) || element.getCallSignatures().length > 0 || seen.has(element)) continue;
    for (const symbol of checker.getPropertiesOfType(element)) {
      const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
      const memberType = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(symbol, declaration));
      const callback = (memberType.isUnion() ? memberType.types : [memberType]).some((t) => t.getCallSignatures().length > 0);
      const entry = { optional: (symbol.flags & ts.SymbolFlags.Optional) !== 0, callback };
      if (!callback) {
        const nested = members(memberType, new Set([...seen, element]));
        if (Object.keys(nested).length > 0) entry.members = { ...(result[symbol.name]?.members ?? {}), ...nested };
      }
      result[symbol.name] = entry;
    }
  }
  return result;
}

const exported = new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(source)).map((s) => [s.name, s]));
const tree = {};
for (const name of typeNames) {
  const symbol = exported.get(name);
  if (!symbol) throw new Error(`${typesFile} exports no type ${name}`);
  tree[name] = members(checker.getDeclaredTypeOfSymbol(symbol), new Set());
}
process.stdout.write(JSON.stringify(tree));
