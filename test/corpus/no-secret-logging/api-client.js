const bunyan = require('bunyan');
const axios = require('axios');

const log = bunyan.createLogger({ name: 'billing-client' });

function createBillingClient(apiKey, baseURL) {
  const client = axios.create({ baseURL, headers: { Authorization: `Bearer ${apiKey}` } });
  log.info({ baseURL }, 'billing client created');
  log.debug({ baseURL, apiKey }, 'billing client created'); // expect: no-secret-logging

  client.interceptors.request.use((config) => {
    log.debug({ method: config.method, url: config.url }, 'billing request');
    log.trace({ headerNames: Object.keys(config.headers) }, 'billing request headers');
    return config;
  });

  client.interceptors.response.use(undefined, (error) => {
    log.error({ status: error.response && error.response.status, url: error.config.url }, 'billing request failed');
    return Promise.reject(error);
  });
  return client;
}

function logCredentials(credentials) {
  log.info({ clientId: credentials.clientId }, 'oauth client loaded');
  log.info({ clientSecret: credentials.clientSecret }, 'oauth client loaded'); // expect: no-secret-logging
  log.warn('using client secret ' + credentials.clientSecret); // expect: no-secret-logging
}

function logPrivateKey(privateKeyPem, fingerprint) {
  log.info({ fingerprint }, 'signing key loaded');
  log.debug(privateKeyPem); // expect: no-secret-logging
}

module.exports = { createBillingClient, logCredentials, logPrivateKey };
