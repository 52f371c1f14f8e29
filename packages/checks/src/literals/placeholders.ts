import { splitWords } from '../names/split.js';

/** Words that make up stand-in values: `your-api-key-here`, `REPLACE_ME`, `superSecretPassword123`,
 * and the dev defaults of local databases (`postgres://postgres:postgres@localhost`). */
const PLACEHOLDER_WORDS = new Set(
  `change changeme changeit me replace replaceme todo tbd fixme dummy example examples
  sample samples test testing tests secret secrets password passwords passwd pass pwd placeholder none null nil
  undefined empty redacted hidden masked foo bar baz qux foobar your my our the an here insert put enter add set value
  key keys api token tokens xxx fake mock dev local localhost demo secure super some random string abc letmein admin
  root user username guest postgres postgresql mysql redis mongo rabbitmq default private public client access auth
  goes this is it its must should be long real actual top pw sk pk rk live ghp gho ghu ghs ghr github pat xoxb xoxp npm sg
  whsec glpat akia asia aiza xapp xoxa xoxr`.split(/\s+/),
);

const WRAPPED = [
  /\$\{[^}]*\}/, // ${VAR}
  /\{\{[^}]*\}\}/, // {{VAR}}
  /<[^<>\n]{1,60}>/, // <your-key>
  /^%[A-Za-z_][A-Za-z0-9_]*%$/, // %VAR%
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $VAR
  /^\[[^\]]+\]$/, // [YOUR_KEY]
  /^process\.env\./, // process.env.X as text
  // A format string's slot: printf's `%s`, `%1$s`, `%-8s`; Python's `%(password)s`; `{}`, `{0}`, `{password}`.
  /^%(?:\d+\$|\([A-Za-z_][A-Za-z0-9_]*\))?[-+ #0]*\d*(?:\.\d+)?[sdifuvqxXo]$/,
  /^\{(?:\d*|[A-Za-z_][A-Za-z0-9_]*)\}$/,
];

/** Known documented example credentials, and what every doc page spells as an example. */
const EXAMPLE =
  /example|sample|dummy|placeholder|redacted|your[-_]?|insert[-_ ]|replace[-_ ]?me|change[-_ ]?me|x{4,}|\*{3,}|\.\.\.|…/i;
const SEQUENTIAL = /012345|123456|234567|345678|456789|987654|abcdef|bcdefg|qwerty|asdfgh/i;

const coverCache = new Map<string, boolean>();

/** True when a word is made only of placeholder words and digits (`mysecretkey`, `123`), or of one repeated character. */
function coveredByPlaceholderWords(word: string): boolean {
  if (/^(.)\1+$/.test(word)) return true;
  const cached = coverCache.get(word);
  if (cached !== undefined) return cached;
  // Segmenting by dynamic programming: ok[i] says whether word[0..i) is covered.
  const ok = [true, ...Array<boolean>(word.length).fill(false)];
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - 12); start < end && !ok[end]; start++) {
      if (!ok[start]) continue;
      const part = word.slice(start, end);
      ok[end] = PLACEHOLDER_WORDS.has(part) || /^\d+$/.test(part) || /^(.)\1+$/.test(part);
    }
  }
  const covered = ok[word.length] === true;
  if (coverCache.size > 10_000) coverCache.clear();
  coverCache.set(word, covered);
  return covered;
}

/**
 * True for a value that cannot be a working key whatever reads it: empty, one repeated character
 * (`xxx`, `****`), or a template to fill in (`${SECRET}`, `{{SECRET}}`, `<your-secret>`, `$SECRET`,
 * `process.env.SECRET` as text, a format string's `%s` or `{0}`). Narrower than `isPlaceholder`: `'changeme'` or
 * `'example-secret-key-123'` given to `jwt.sign` is the key the app runs with.
 */
export function isStandInKey(value: string): boolean {
  const v = value.trim();
  return v === '' || /^(.)\1*$/.test(v.replace(/[\s_.:-]/g, '')) || WRAPPED.some((re) => re.test(v));
}

/** The user and password of a `scheme://user:password@host` URL, when it has them. */
export function urlCredentials(value: string): { user: string; password: string } | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^:/@\s]*):([^@/\s]*)@/i.exec(value.trim());
  if (!m) return undefined;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  return { user: decode(m[1]!), password: decode(m[2]!) };
}

/**
 * True for values that stand in for a secret: empty, one repeated character (`xxxx`, `****`),
 * templates (`${VAR}`, `{{VAR}}`, `<your-key>`, `%VAR%`, `$VAR`, printf's `%s`), documented examples
 * (`AKIAIOSFODNN7EXAMPLE`), stand-in words (`changeme`, `your-api-key-here`, `REPLACE_ME`, `TODO`,
 * `dummy`, `test`, `secret`, `password`, `sk_test_xxx`), sequences (`123456`, `abcdefg`), and URLs
 * whose password is one of these, is empty or equals the user (`postgres://postgres:postgres@localhost`,
 * a local dev default: reported by nobody, as hard-coding it reveals nothing).
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  const credentials = urlCredentials(v);
  if (credentials) {
    const { user, password } = credentials;
    return password === '' || password === user || isPlaceholder(password);
  }
  if (/^(.)\1*$/.test(v.replace(/[\s_.:-]/g, '')) || WRAPPED.some((re) => re.test(v))) return true;
  if (EXAMPLE.test(v) || (v.length <= 40 && SEQUENTIAL.test(v))) return true;
  // Digits may pad stand-in words (`password123`) but digits alone are not a stand-in (`4821`).
  const words = splitWords(v.toLowerCase());
  return words.some((w) => !/^\d+$/.test(w)) && words.every(coveredByPlaceholderWords);
}

/**
 * What authors write beside a value to say it is not a real secret: `// dummy secret`, `// fake key
 * for the tests`, `// This is not actually a secret key`, `// not a real token`, `non-secret`.
 */
const DISCLAIMER =
  /\b(?:dummy|fake|mock(?:ed)?|placeholder|stand-?in)\b|\b(?:is|are|'s)\s*(?:not|n't)\s+(?:actually\s+|really\s+)?(?:an?\s+)?(?:real\s+|actual\s+)?(?:secret|sensitive|confidential)|\bnot\s+(?:an?\s+)?(?:real|actual|live|valid)\s+(?:secret|key|token|password|credential)s?\b|\bnon-?secret\b/i;

/**
 * True when a comment says the value it sits beside is not a real secret. The author's word is
 * evidence about the value (as a placeholder spelling is), weaker than the value itself: checks
 * lower a finding's confidence on it rather than drop it.
 */
export function commentDisclaimsSecret(comment: string): boolean {
  return DISCLAIMER.test(comment);
}

/** Words by which a program names data it made up to show or test something. */
const SAMPLE_DATA_WORDS: ReadonlySet<string> = new Set([
  'sample',
  'samples',
  'example',
  'examples',
  'mock',
  'mocks',
  'fake',
  'fakes',
  'dummy',
  'stub',
  'stubs',
  'fixture',
  'fixtures',
  'demo',
  // Text an empty input shows (`PRIVATE_KEY_PLACEHOLDER`, `placeholder="…"`): a sample, never used.
  'placeholder',
  'placeholders',
]);

/**
 * True when a variable or type name says its value is made-up data (`samples: SampleRecord[]`,
 * `mockPayload`, `EXAMPLE_EVENT`, `PRIVATE_KEY_PLACEHOLDER`): like a disclaiming comment, the author's word about the values
 * inside, which checks weigh as evidence rather than obey.
 */
export function nameDisclaimsSecret(name: string): boolean {
  return splitWords(name).some((w) => SAMPLE_DATA_WORDS.has(w.toLowerCase()));
}
