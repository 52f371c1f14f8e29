const crypto = require('crypto');

module.exports = function webhookAuth(secret) {
  return async function (ctx, next) {
    const token = ctx.get('X-Gitlab-Token');
    if (!token) ctx.throw(401);
    if (token !== secret) ctx.throw(403); // expect: no-timing-unsafe-compare
    const hubSignature = ctx.get('X-Hub-Signature');
    const digest = 'sha1=' + crypto.createHmac('sha1', secret).update(ctx.request.rawBody).digest('hex');
    if (hubSignature && hubSignature !== digest) ctx.throw(403); // expect: no-timing-unsafe-compare
    const event = ctx.get('X-Gitlab-Event');
    if (event === 'Push Hook') ctx.state.push = true;
    if (ctx.get('X-Api-Key').indexOf(secret) !== -1) ctx.state.legacy = true; // expect: no-timing-unsafe-compare
    await next();
  };
};
