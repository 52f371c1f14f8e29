const { createCipheriv, randomBytes } = require('node:crypto');

const KEY = Buffer.from(process.env.APP_KEY, 'base64');
const ZERO_IV = Buffer.alloc(16, 0);

exports.encryptSetting = function encryptSetting(value) {
  const cipher = createCipheriv('aes-256-cbc', KEY, ZERO_IV); // expect: no-iv-reuse
  return Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]).toString('base64');
};

exports.encryptSettingGcm = function encryptSettingGcm(value) {
  const cipher = createCipheriv('aes-256-gcm', KEY, 'abcdefghijkl'); // expect: no-iv-reuse
  return Buffer.concat([cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
};

exports.encryptSettingFresh = function encryptSettingFresh(value) {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', KEY, iv);
  return Buffer.concat([iv, cipher.update(value, 'utf8'), cipher.final()]).toString('base64');
};
