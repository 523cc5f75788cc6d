import yaml from "js-yaml";

/**
 * The YAML 1.2 core schema's plain scalars exactly as the `yaml` package resolves them with
 * `schema: "core"`, as data: a plain scalar matching `test` becomes `construct(text)`, first
 * match wins (the tests do not overlap). js-yaml's own CORE_SCHEMA reads more as numbers
 * (`1_000`, `0b101`, `+0x1`) and fewer (`+.5`); this table keeps front matter reading as it
 * always has. Dates are not here: they stay strings and are read later in the configured zone.
 */
export const CORE_SCALARS: ReadonlyArray<{ tag: string; test: RegExp; construct: (text: string) => unknown }> = [
  { tag: "tag:yaml.org,2002:null", test: /^(?:~|[Nn]ull|NULL)?$/, construct: () => null },
  { tag: "tag:yaml.org,2002:bool", test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, construct: (text) => text[0] === "t" || text[0] === "T" },
  { tag: "tag:yaml.org,2002:int", test: /^0o[0-7]+$/, construct: (text) => parseInt(text.slice(2), 8) },
  { tag: "tag:yaml.org,2002:int", test: /^[-+]?[0-9]+$/, construct: (text) => parseInt(text, 10) },
  { tag: "tag:yaml.org,2002:int", test: /^0x[0-9a-fA-F]+$/, construct: (text) => parseInt(text.slice(2), 16) },
  {
    tag: "tag:yaml.org,2002:float",
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    construct: (text) => (text.slice(-3).toLowerCase() === "nan" ? NaN : text[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY),
  },
  { tag: "tag:yaml.org,2002:float", test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, construct: (text) => parseFloat(text) },
  { tag: "tag:yaml.org,2002:float", test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, construct: (text) => parseFloat(text) },
];

/** Strings, sequences and mappings (js-yaml's failsafe schema) plus {@link CORE_SCALARS}, one js-yaml type per tag. */
export const YAML_CORE_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [...new Set(CORE_SCALARS.map((scalar) => scalar.tag))].map((tag) => {
    const scalars = CORE_SCALARS.filter((scalar) => scalar.tag === tag);
    const find = (text: string) => scalars.find((scalar) => scalar.test.test(text));
    return new yaml.Type(tag, {
      kind: "scalar",
      // An empty node reaches a resolver as null: it is the null value.
      resolve: (data: string | null) => (data === null ? tag === "tag:yaml.org,2002:null" : find(data) !== undefined),
      construct: (data: string | null) => (data === null ? null : find(data)!.construct(data)),
    });
  }),
});
