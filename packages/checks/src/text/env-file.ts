/**
 * `.env.example`, `.env.sample`, `.env.template`, `.env.dist`, `.env.defaults` (placeholders meant to
 * be committed) and dotenv-vault's encrypted `.env.vault`.
 */
export function isEnvExample(name: string): boolean {
  return /\.(?:example|sample|template|dist|defaults?|vault)$/i.test(name);
}

/**
 * The env file a template is copied to: `.env.dev.example` to `.env.dev`, `config/.env.sample` to
 * `config/.env`; a template named otherwise (`example.env.dist`) to a `.env` in its folder.
 */
export function envFileCopiedFrom(templatePath: string): string {
  const target = templatePath.replace(/\.(?:example|sample|template|dist|defaults?|vault)$/i, '');
  return /(^|\/)\.env(\.[^/]*)?$/.test(target) ? target : target.replace(/[^/]*$/, '.env');
}
