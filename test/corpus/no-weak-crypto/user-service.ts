import * as crypto from 'node:crypto';
import bcrypt from 'bcryptjs';
import CryptoJS from 'crypto-js';
import md5 from 'md5';

const BCRYPT_ROUNDS = 6;

export class UserService {
  async register(email: string, password: string) {
    const salt = await bcrypt.genSalt(BCRYPT_ROUNDS); // expect: no-weak-crypto
    const hash = await bcrypt.hash(password, salt);
    return { email, hash };
  }

  async registerOk(email: string, password: string) {
    const passwordHash = await bcrypt.hash(password, 12);
    return { email, passwordHash };
  }

  legacyHash(password: string): string {
    return CryptoJS.MD5(password).toString(); // expect: no-weak-crypto
  }

  legacyHash2(password: string): string {
    return md5(password); // expect: no-weak-crypto
  }

  apiKeyFingerprint(apiKey: string): string {
    return crypto.createHash('sha1').update(apiKey).digest('hex'); // expect: no-weak-crypto
  }

  avatarKey(userId: string): string {
    return crypto.createHash('md5').update(userId).digest('hex');
  }

  fileChecksum(contents: Buffer): string {
    return crypto.createHash('sha1').update(contents).digest('hex');
  }

  pwnedPrefix(password: string): string {
    const passwordSha1 = crypto.createHash('sha1').update(password).digest('hex').toUpperCase(); // HaveIBeenPwned's k-anonymity range query: SHA-1 is the protocol's, only a 5-character prefix leaves (issue 13: not a finding)
    return passwordSha1.slice(0, 5);
  }

  async scrypt(password: string, salt: Buffer): Promise<Buffer> {
    return new Promise((resolve, reject) =>
      crypto.scrypt(password, salt, 64, { N: 1024 }, (err, key) => (err ? reject(err) : resolve(key))), // expect: no-weak-crypto
    );
  }
}
