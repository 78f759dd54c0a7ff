/**
 * A small JSON Schema (draft-07) checker for the keywords our schemas use: type, required,
 * (one or a list), enum, properties, additionalProperties (false, or a schema for the other keys' values), items, $ref to #/definitions, const, pattern, minLength,
 * minimum. Enough to test that what we write conforms, without a dependency.
 */
type Schema = Record<string, unknown>;

export function validate(schema: Schema, value: unknown, root: Schema = schema, path = ''): string[] {
  if (typeof schema.$ref === 'string') {
    const m = /^#\/definitions\/(.+)$/.exec(schema.$ref);
    if (!m) return [`${path}: unsupported $ref ${schema.$ref}`];
    return validate((root.definitions as Record<string, Schema>)[m[1]], value, root, path);
  }
  const errs: string[] = [];
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (types.length && !types.some((type) => type === actual || (type === 'number' && actual === 'integer')))
    return [`${path || '/'}: expected ${types.join(' or ')}, found ${actual}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errs.push(`${path}: expected one of ${JSON.stringify(schema.enum)}`);
  if ('const' in schema && value !== schema.const) errs.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) errs.push(`${path}: shorter than ${schema.minLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errs.push(`${path}: does not match ${schema.pattern}`);
  }
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) errs.push(`${path}: below ${schema.minimum}`);
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => errs.push(...validate(schema.items as Schema, v, root, `${path}/${i}`)));
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    for (const k of (schema.required as string[] | undefined) ?? []) if (!(k in obj)) errs.push(`${path}/${k}: required`);
    const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errs.push(...validate(props[k], v, root, `${path}/${k}`));
      else if (schema.additionalProperties === false) errs.push(`${path}/${k}: not allowed`);
      else if (typeof schema.additionalProperties === 'object') errs.push(...validate(schema.additionalProperties as Schema, v, root, `${path}/${k}`));
    }
  }
  return errs;
}
