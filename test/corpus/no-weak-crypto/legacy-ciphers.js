const crypto = require('crypto');

function encryptLegacy(text, password) {
  const cipher = crypto.createCipher('aes-256-cbc', password); // expect: no-weak-crypto
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function decryptLegacy(hex, password) {
  const decipher = crypto.createDecipher('aes-256-cbc', password); // expect: no-weak-crypto
  return decipher.update(hex, 'hex', 'utf8') + decipher.final('utf8');
}

function encryptEcb(key, block) {
  const cipher = crypto.createCipheriv('aes-256-ecb', key, null); // expect: no-weak-crypto
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

function encryptDes(key, iv, data) {
  const cipher = crypto.createCipheriv('des-ede3-cbc', key, iv); // expect: no-weak-crypto
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

function encryptBlowfish(key, iv, data) {
  const cipher = crypto.createCipheriv('bf-cbc', key, iv); // expect: no-weak-crypto
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

function encryptRc4(key, data) {
  const cipher = crypto.createCipheriv('rc4', key, null); // expect: no-weak-crypto
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

function encryptAesCbc(key, data) {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(data), cipher.final()]);
}

function etag(body) {
  return crypto.createHash('md5').update(body).digest('hex');
}

function cacheKey(url) {
  return crypto.createHash('sha1').update(url).digest('base64url');
}

module.exports = { encryptLegacy, decryptLegacy, encryptEcb, encryptDes, encryptBlowfish, encryptRc4, encryptAesCbc, etag, cacheKey };
