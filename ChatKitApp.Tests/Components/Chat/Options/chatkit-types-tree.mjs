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

/** The object types a type stands for: union members, array elements; not callables or primitives. */
function objectsOf(type) {
  if (type.isUnion()) return type.types.flatMap(objectsOf);
  if (checker.isArrayType(type)) return objectsOf(checker.getTypeArguments(type)[0]);
  return type.flags & ts.TypeFlags.Object && type.getCallSignatures().length === 0 ? [type] : [];
}

/** @param {any} type @param {Set<any>} seen */
function members(type, seen) {
  const objects = objectsOf(type).filter((t) => !seen.has(t));
  const result = {};
  for (const element of objects) {
    for (const symbol of checker.getPropertiesOfType(element)) {
      const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
      const memberType = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(symbol, declaration));
      const callback = (memberType.isUnion() ? memberType.types : [memberType]).some((t) => t.getCallSignatures().length > 0);
      // A union's member is required only when every alternative requires it (input_text has no id).
      const optional = (symbol.flags & ts.SymbolFlags.Optional) !== 0
        || objects.some((other) => !checker.getPropertyOfType(other, symbol.name))
        || result[symbol.name]?.optional === true;
      const entry = { optional, callback };
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
