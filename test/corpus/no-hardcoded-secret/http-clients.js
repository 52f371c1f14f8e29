const axios = require('axios');

const github = axios.create({
  baseURL: 'https://api.github.com',
  headers: { Authorization: 'token gho_1qLdXcuKgFUVB4tIht7Kwpxiq2a6V1YOH1ij' }, // expect: no-hardcoded-secret
});

const internal = axios.create({
  baseURL: 'https://internal.acme.test',
  headers: { Authorization: `Bearer ${process.env.INTERNAL_TOKEN}` },
});

const partner = axios.create({
  baseURL: 'https://partner.example.com',
  auth: { username: 'acme', password: 'Pz7Lk3Mn9Qr2Ws5Xt8Yv' }, // expect: no-hardcoded-secret
});

function withApiKey(config) {
  config.headers['x-api-key'] = 'Jc5Vb8Nm2Qw4Er7Ty1Ui3Op6'; // expect: no-hardcoded-secret
  return config;
}

function basicAuthHeader() {
  return 'Basic ' + Buffer.from('admin:Adm1nP@ss-2024-zq').toString('base64'); // expect: no-hardcoded-secret
}

const accept = { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' };
const tokenHeaderName = 'x-api-key';

module.exports = { github, internal, partner, withApiKey, basicAuthHeader, accept, tokenHeaderName };
