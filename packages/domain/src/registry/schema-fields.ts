import { type Schema, SchemaAST } from "effect"

/** One property of an event or struct schema, as stored (the encoded side). */
export interface Field {
  readonly name: string
  /** The property's type, without the `undefined` an optional property adds. */
  readonly type: SchemaAST.AST
  readonly optional: boolean
}

/** The struct a schema stores: the struct itself, or the encoded struct of a class (`Schema.TaggedClass`). */
export const storedStruct = (ast: SchemaAST.AST): SchemaAST.Objects | undefined => {
  if (SchemaAST.isObjects(ast)) return ast
  if (SchemaAST.isDeclaration(ast) && ast.encoding !== undefined)
    return storedStruct(ast.encoding[ast.encoding.length - 1]!.to)
  return undefined
}

/** Drops the `undefined` member an optional property's type carries. */
export const withoutUndefined = (ast: SchemaAST.AST): SchemaAST.AST => {
  if (!SchemaAST.isUnion(ast)) return ast
  const members = ast.types.filter((member) => !SchemaAST.isUndefined(member))
  return members.length === 1
    ? members[0]!
    : members.length === ast.types.length
      ? ast
      : new SchemaAST.Union(members, ast.options)
}

/** The properties of a struct or class schema in declaration order (`_tag` included); empty for other schemas. */
export const fieldsOfAst = (ast: SchemaAST.AST): ReadonlyArray<Field> =>
  (storedStruct(ast)?.propertySignatures ?? []).map((property) => ({
    name: String(property.name),
    type: SchemaAST.isOptional(property.type) ? withoutUndefined(property.type) : property.type,
    optional: SchemaAST.isOptional(property.type),
  }))

export const fieldsOf = (schema: Schema.Top): ReadonlyArray<Field> => fieldsOfAst(schema.ast)

/** The struct-like alternatives a value of this type can take (through unions, `null`/`undefined` and classes). */
const structAlternatives = (ast: SchemaAST.AST): ReadonlyArray<SchemaAST.Objects> => {
  if (SchemaAST.isUnion(ast)) return ast.types.flatMap(structAlternatives)
  const struct = storedStruct(ast)
  return struct === undefined ? [] : [struct]
}

const propertyTypes = (ast: SchemaAST.AST, name: string): ReadonlyArray<SchemaAST.AST> =>
  structAlternatives(ast).flatMap((struct) =>
    struct.propertySignatures.filter((p) => String(p.name) === name).map((p) => withoutUndefined(p.type)),
  )

/**
 * True when a dotted path (`"identity"`, `"replacement.sensitive"`) names a field of the schema; a step into a
 * union (e.g. the replaced fact of a correction) exists when it exists in at least one member.
 */
export const hasFieldPath = (schema: Schema.Top, path: string): boolean => {
  let types: ReadonlyArray<SchemaAST.AST> = [schema.ast]
  for (const step of path.split(".")) {
    types = types.flatMap((ast) => propertyTypes(ast, step))
    if (types.length === 0) return false
  }
  return true
}

/** Every dotted path at which the schema holds a value of `target` (directly, nullable or optional), sorted. */
export const pathsTo = (schema: Schema.Top, target: SchemaAST.AST): ReadonlyArray<string> => {
  const found = new Set<string>()
  const visit = (ast: SchemaAST.AST, prefix: string, seen: ReadonlySet<SchemaAST.AST>): void => {
    for (const struct of structAlternatives(ast)) {
      if (seen.has(struct)) continue
      for (const property of struct.propertySignatures) {
        const path = prefix + String(property.name)
        const alternatives = SchemaAST.isUnion(property.type) ? property.type.types : [property.type]
        if (alternatives.includes(target)) found.add(path)
        else visit(property.type, `${path}.`, new Set([...seen, struct]))
      }
    }
  }
  visit(schema.ast, "", new Set())
  return [...found].toSorted()
}
