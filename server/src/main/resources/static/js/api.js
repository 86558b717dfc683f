// Calls to Clipfile's HTTP API: same-origin credentials, XSRF header on state-changing requests, and a login form
// whenever the server answers 401.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || 'The server answered ' + status);
    this.status = status;
    this.problem = problem;
  }
}

let loginPrompt = null; // set by the page: () => Promise that resolves once logged in
let pendingLogin = null;

export function onLoginRequired(prompt) {
  loginPrompt = prompt;
}

function cookie(name) {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      return decodeURIComponent(rest.join('='));
    }
  }
  return null;
}

async function send(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET') {
    const token = cookie('XSRF-TOKEN');
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  return fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** A JSON request to the API; on 401 asks the user to log in (once for all waiting requests) and tries again. */
export async function request(method, path, body) {
  let response = await send(method, path, body);
  // Elasticsearch still starting (503 + Retry-After): wait as told, a few times, before giving up.
  for (let tries = 0; response.status === 503 && response.headers.has('Retry-After') && tries < 5; tries++) {
    const seconds = Math.min(Math.max(parseInt(response.headers.get('Retry-After'), 10) || 2, 1), 10);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    response = await send(method, path, body);
  }
  if (response.status === 401 && loginPrompt && !path.startsWith('/api/session')) {
    pendingLogin ??= loginPrompt().finally(() => { pendingLogin = null; });
    await pendingLogin;
    response = await send(method, path, body);
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return response.status === 204 ? null : response.json();
}

export function get(path, params) {
  const query = params ? params.toString() : '';
  return request('GET', query ? path + (path.includes('?') ? '&' : '?') + query : path);
}

/** GET that answers null instead of failing when the endpoint does not exist (yet) on this server. */
export async function optional(path, params) {
  try {
    return await get(path, params);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405 || e.status === 501)) {
      return null;
    }
    throw e;
  }
}

export const session = {
  current: () => optional('/api/session'),
  login: (username, password) => request('POST', '/api/session', { username, password }),
  logout: () => request('DELETE', '/api/session'),
};
