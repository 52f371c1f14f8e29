export function saveApiKey(apiKey) {
  window.localStorage.setItem('openai_api_key', apiKey); // expect: no-secret-in-client-storage
}

export function saveMaskedKey(apiKey) {
  localStorage.setItem('apiKeyHint', apiKey.slice(-4));
}

export function saveSettings(settings) {
  localStorage.setItem('settings', JSON.stringify({ model: settings.model, temperature: settings.temperature }));
  localStorage.setItem('settings_with_key', JSON.stringify({ model: settings.model, apiKey: settings.apiKey })); // expect: no-secret-in-client-storage
}

export function savePassword(password) {
  sessionStorage.setItem('pw', password); // expect: no-secret-in-client-storage
}

export function saveRedirect(path) {
  sessionStorage.setItem('returnTo', path);
}
