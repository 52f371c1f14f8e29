const { WebClient } = require('@slack/web-api');
const { Octokit } = require('@octokit/rest');

const slack = new WebClient('xoxb-000000000000-0000000000000-CorpusFakeCorpusFakeCorp'); // expect: no-hardcoded-secret
const slackFromEnv = new WebClient(process.env.SLACK_BOT_TOKEN);

const octokit = new Octokit({ auth: 'ghp_68vX41R1n8IYCbe4tijKB8sXU2ojXBqzLL9a' }); // expect: no-hardcoded-secret
const octokitFromEnv = new Octokit({ auth: process.env.GITHUB_TOKEN });

const config = {
  channel: '#deploys',
  botToken: 'Mz9qW2xL7vR4tP8kN3sB6yHd', // expect: no-hardcoded-secret
  signingSecret: 'f3Kd9sLq2WmZ7pXv8Rt1Yn4B', // expect: no-hardcoded-secret
  tokenType: 'bot',
  tokenUrl: 'https://slack.com/api/oauth.v2.access',
};

const SENDGRID_API_KEY = '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'; // expect: no-hardcoded-secret

module.exports = { slack, slackFromEnv, octokit, octokitFromEnv, config, SENDGRID_API_KEY };
