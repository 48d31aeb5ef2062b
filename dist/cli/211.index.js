export const id = 211;
export const ids = [211];
export const modules = {

/***/ 5207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zs: () => (/* binding */ describeClaims),
/* harmony export */   v4: () => (/* binding */ getOidcToken)
/* harmony export */ });
/* unused harmony exports OIDC_REQUEST_URL, OIDC_REQUEST_TOKEN, OIDC_TOKEN_ENV, tokenClaims */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _net_http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(998);


/** What the runner sets in a job that has `permissions: id-token: write`. */
const OIDC_REQUEST_URL = 'ACTIONS_ID_TOKEN_REQUEST_URL';
const OIDC_REQUEST_TOKEN = 'ACTIONS_ID_TOKEN_REQUEST_TOKEN';
/** The CLI outside GitHub Actions: a JWT from another issuer, given as is. */
const OIDC_TOKEN_ENV = 'ARTIFACT_SEAL_OIDC_TOKEN';
/**
 * Gets the job's OIDC token from the runner's token endpoint. The request token and the JWT are
 * registered as secrets before anything else is done with them.
 */
async function getOidcToken(request) {
    const { env, secrets } = request;
    const url = env[OIDC_REQUEST_URL];
    const bearer = secrets.add(env[OIDC_REQUEST_TOKEN]);
    if (!url || !bearer) {
        const preset = request.allowEnvToken ? secrets.add(env[OIDC_TOKEN_ENV]?.trim()) : undefined;
        if (preset)
            return preset;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', `${request.purpose} needs the job's OIDC token, but ${OIDC_REQUEST_URL} and ${OIDC_REQUEST_TOKEN} are not set: ` +
            'add `permissions: id-token: write` to the job (or the workflow) that runs artifact-seal' +
            (request.allowEnvToken
                ? `; outside GitHub Actions, set ${OIDC_TOKEN_ENV} to a JWT that the key store accepts`
                : ''), OIDC_REQUEST_URL);
    }
    if (request.fetch)
        return secrets.add(await fetchWith(request.fetch, request.audience, url, secrets));
    // The runner's URL already carries ?api-version=2.0.
    const target = request.audience
        ? `${url}${url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(request.audience)}`
        : url;
    let response;
    try {
        response = await (0,_net_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .requestJson */ .SS)('GET', target, {
            headers: { authorization: `Bearer ${bearer}` },
            retry: request.retry
        });
    }
    catch (error) {
        const reason = error instanceof _net_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .NetworkError */ .Dr ? error.message : String(error);
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', secrets.redact(`could not get the OIDC token from ${(0,_net_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .originOf */ .yv)(url)}: ${reason}`), OIDC_REQUEST_URL);
    }
    const value = response.body?.value;
    if (response.status !== 200 || typeof value !== 'string' || value === '') {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', secrets.redact(refused(`${response.status}${response.status === 200 ? ', no value in the answer' : ''}`)), OIDC_REQUEST_URL);
    }
    return secrets.add(value);
}
/**
 * The token from an injected fetcher, with its failures worded as our own request words them.
 * @actions/core's getIDToken reports a refusal as several lines holding `Error Code : 403`.
 */
async function fetchWith(fetch, audience, url, secrets) {
    let value;
    try {
        value = await fetch(audience);
    }
    catch (error) {
        const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
        const status = /Error Code : (\d{3})/.exec(text)?.[1];
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', secrets.redact(status ? refused(status) : `could not get the OIDC token from ${(0,_net_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .originOf */ .yv)(url)}: ${text}`), OIDC_REQUEST_URL);
    }
    if (typeof value !== 'string' || value === '')
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', refused('200, no value in the answer'), OIDC_REQUEST_URL);
    return value;
}
const refused = (status) => `the runner refused the OIDC token request (HTTP ${status}); check that the job has \`permissions: id-token: write\``;
/**
 * The claims of a JWT, read without checking its signature: only to say in an error message
 * which `sub`, `aud`, `repository` and `ref` the store compared. The claims are not secret; the
 * token is, and is never printed.
 */
function tokenClaims(jwt) {
    try {
        const payload = jwt.split('.')[1] ?? '';
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        return typeof claims === 'object' && claims !== null ? claims : {};
    }
    catch {
        return {};
    }
}
/** "sub=repo:o/r:ref:refs/heads/main, aud=…": the claims that trust policies and bound claims match on. */
function describeClaims(jwt, names = ['sub', 'aud', 'repository', 'ref']) {
    const claims = tokenClaims(jwt);
    const parts = names
        .filter(n => claims[n] !== undefined)
        .map(n => `${n}=${Array.isArray(claims[n]) ? claims[n].join(',') : String(claims[n])}`);
    return parts.length ? `this job's token has ${parts.join(', ')}` : '';
}


/***/ }),

/***/ 3545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ oidcToken)
/* harmony export */ });
/* harmony import */ var _oidc_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5207);

/** The job's OIDC token for this source, with `oidc-audience` (or `fallback`) as its audience. */
function oidcToken(ctx, fallbackAudience) {
    return (0,_oidc_js__WEBPACK_IMPORTED_MODULE_0__/* .getOidcToken */ .v4)({
        audience: ctx.options.get('oidc-audience') ?? fallbackAudience,
        env: ctx.env,
        secrets: ctx.secrets,
        purpose: `key-source ${ctx.source}`,
        allowEnvToken: ctx.allowEnvToken,
        retry: ctx.retry,
        fetch: ctx.fetchOidcToken
    });
}


/***/ }),

/***/ 5211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vaultKeys: () => (/* binding */ vaultKeys),
  vaultLogin: () => (/* binding */ vaultLogin),
  vaultLoginOptions: () => (/* binding */ vaultLoginOptions)
});

// EXTERNAL MODULE: ./src/core/keys.ts
var keys = __webpack_require__(1483);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/keys/source-context.ts
var source_context = __webpack_require__(3545);
// EXTERNAL MODULE: ./src/keys/oidc.ts
var oidc = __webpack_require__(5207);
// EXTERNAL MODULE: ./src/net/http-json.ts
var http_json = __webpack_require__(998);
;// CONCATENATED MODULE: ./src/keys/vault-client.ts



/**
 * A thin Vault HTTP API client: JWT login, read and write. Vault has no official JavaScript SDK
 * and we need four endpoints. Every request carries X-Vault-Namespace when one is configured;
 * 5xx answers (503 while sealed) are retried with backoff; Vault's `{"errors":[…]}` is passed on.
 */
class VaultClient {
    url;
    secrets;
    options;
    #token;
    constructor(url, secrets, options = {}) {
        this.url = url;
        this.secrets = secrets;
        this.options = options;
        let parsed;
        try {
            parsed = new URL(url);
        }
        catch {
            throw new errors/* SealError */.EM('INPUT_INVALID', `vault-url ${url} is not a URL (expected e.g. https://vault.example.com:8200)`, 'vault-url');
        }
        if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
            throw new errors/* SealError */.EM('INPUT_INVALID', `vault-url ${url} must start with https://`, 'vault-url');
        }
        this.url = url.replace(/\/+$/, '');
    }
    /** Logs in with the JWT auth method; the client token is masked before it is kept. */
    async login(authPath, role, jwt) {
        const path = `auth/${authPath}/login`;
        const response = await this.#send('POST', path, { role, jwt });
        if (response.status !== 200) {
            const claims = (0,oidc/* describeClaims */.Zs)(jwt, ['repository', 'ref', 'sub', 'aud']);
            throw this.fail(response, `Vault refused the login at ${path} with role ${role}`, `check vault-role, vault-auth-path and the role's bound_claims and bound_audiences${claims ? ` (${claims})` : ''}`, 'vault-role');
        }
        const token = response.body?.auth?.client_token;
        if (typeof token !== 'string' || token === '') {
            throw new errors/* SealError */.EM('KEY_SOURCE', `Vault answered the login at ${path} without auth.client_token`, 'vault-role');
        }
        this.#token = this.secrets.add(token);
    }
    /** GET /v1/<path>; returns the answer whatever its status, for the caller to word. */
    read(path) {
        return this.#send('GET', path);
    }
    /** POST /v1/<path> with a JSON body. */
    write(path, body) {
        return this.#send('POST', path, body);
    }
    async #send(method, path, body) {
        const headers = {};
        if (this.options.namespace)
            headers['x-vault-namespace'] = this.options.namespace;
        if (this.#token)
            headers['x-vault-token'] = this.#token;
        const url = `${this.url}/v1/${path.split('/').map(encodeURIComponent).join('/')}`;
        try {
            return await (0,http_json/* requestJson */.SS)(method, url, { body, headers, retry: this.options.retry });
        }
        catch (error) {
            const reason = error instanceof http_json/* NetworkError */.Dr ? error.message : String(error);
            throw new errors/* SealError */.EM('KEY_SOURCE', this.secrets.redact(`Vault at ${this.url} (${path}): ${reason}`), 'vault-url');
        }
    }
    /**
     * One line for a failed answer: what we tried, the status, Vault's own errors (or the sealed
     * state after the retries ran out), and what to check. Secrets are cut out of Vault's text.
     */
    fail(response, what, hint, subject) {
        return new errors/* SealError */.EM('KEY_SOURCE', this.secrets.redact(describeFailure(response, what, hint)), subject);
    }
}
/** Vault's `errors` array as one line ("permission denied", "Vault is sealed"). */
function vaultErrors(body) {
    const errors = body?.errors;
    if (!Array.isArray(errors))
        return '';
    return errors
        .map(e => String(e)
        .replace(/\s+/g, ' ')
        .replace(/^1 error occurred: \* /, '')
        .trim())
        .filter(Boolean)
        .join('; ');
}
function describeFailure(response, what, hint) {
    const errors = vaultErrors(response.body);
    let detail = errors ? `: ${errors}` : '';
    if (response.status === 403 && !errors)
        detail = ': permission denied';
    if (response.status >= 500 || response.status === 429) {
        return `${what}: HTTP ${response.status}${detail} (still failing after retries${response.status === 503 ? '; Vault may be sealed or in standby' : ''})`;
    }
    if (response.status === 403)
        hint = `the Vault token's policy does not allow this; ${hint}`;
    return `${what}: HTTP ${response.status}${detail}; ${hint}`;
}

;// CONCATENATED MODULE: ./src/keys/vault.ts




/**
 * Reads the login options that `vault` and `vault-transit` share. Sources call it before reading
 * their own options, so that a missing vault-url or vault-role is the error named first.
 */
function vaultLoginOptions(o) {
    return {
        url: o.need('vault-url'),
        role: o.need('vault-role', 'the JWT auth role whose bound_claims match this repository'),
        authPath: o.path('vault-auth-path'),
        namespace: o.get('vault-namespace')
    };
}
/** Logs in to Vault with the job's OIDC token (shared by `vault` and `vault-transit`). */
async function vaultLogin(ctx, login) {
    const client = new VaultClient(login.url, ctx.secrets, { namespace: login.namespace, retry: ctx.retry });
    const jwt = await (0,source_context/* oidcToken */.d)(ctx);
    await client.login(login.authPath, login.role, jwt);
    ctx.log(`Logged in to Vault at ${client.url} (auth/${login.authPath}, role ${login.role})`);
    return client;
}
/**
 * key-source `vault`: the key is a field of a KV v2 secret, read with the token from a JWT login.
 * The field may hold several lines (one key per line, for rotation), decoded by key-encoding.
 */
async function vaultKeys(ctx) {
    const o = ctx.options;
    const login = vaultLoginOptions(o);
    const path = o.path('vault-secret', 'the KV v2 API path after /v1/, e.g. secret/data/ci/artifact-seal');
    const field = o.need('vault-secret-field');
    const client = await vaultLogin(ctx, login);
    const response = await client.read(path);
    if (response.status === 404) {
        throw new errors/* SealError */.EM('KEY_SOURCE', `Vault has no secret at ${path} (HTTP 404); check vault-secret: the KV v2 API path includes data/, e.g. secret/data/ci/artifact-seal`, 'vault-secret');
    }
    if (response.status !== 200)
        throw client.fail(response, `Vault refused to read ${path}`, 'check vault-secret and the policy of the role', 'vault-secret');
    const data = response.body?.data?.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new errors/* SealError */.EM('KEY_SOURCE', `Vault answered ${path} without data.data: vault-secret must be a KV v2 API path with data/ (e.g. secret/data/ci/artifact-seal)`, 'vault-secret');
    }
    const fields = data;
    const value = Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
    if (typeof value === 'string')
        ctx.secrets.add(value);
    if (value === undefined) {
        const names = Object.keys(fields);
        throw new errors/* SealError */.EM('KEY_SOURCE', `Vault secret ${path} has no field ${field}${names.length ? ` (its fields: ${names.join(', ')})` : ''}; set vault-secret-field`, 'vault-secret-field');
    }
    if (typeof value !== 'string') {
        throw new errors/* SealError */.EM('KEY_SOURCE', `Vault secret ${path} field ${field} is not a string`, 'vault-secret-field');
    }
    ctx.log(`Read the key from Vault secret ${path} (field ${field})`);
    return (0,keys/* keysFromText */.aZ)(value, ctx.encoding, ctx.algorithm, `Vault secret ${path} field ${field}`, v => ctx.secrets.add(v));
}


/***/ }),

/***/ 998:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dr: () => (/* binding */ NetworkError),
/* harmony export */   SS: () => (/* binding */ requestJson),
/* harmony export */   yv: () => (/* binding */ originOf)
/* harmony export */ });
/* harmony import */ var _core_version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3323);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7893);


/** A request that never got an answer, after every retry. */
class NetworkError extends Error {
    name = 'NetworkError';
}
function parse(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/**
 * Sends one JSON request with retries and backoff on answers worth retrying. Every answer that
 * arrives is returned (the caller words the error, it knows the service); only a request that
 * never got an answer throws, as a NetworkError without the request's headers or body.
 */
async function requestJson(method, url, options = {}) {
    // Our own retries (net/retry.ts); the client's would retry without backoff on the same statuses.
    // Loaded on first use: undici, under it, is a third of the CLI's start-up, and `key-source: input` never needs it.
    const { HttpClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(942)]).then(__webpack_require__.bind(__webpack_require__, 4942));
    const client = new HttpClient(`${_core_version_js__WEBPACK_IMPORTED_MODULE_1__/* .TOOL_NAME */ .l}/${_core_version_js__WEBPACK_IMPORTED_MODULE_1__/* .TOOL_VERSION */ .w}`, [], { allowRetries: false, socketTimeout: 30_000 });
    const contentType = options.form
        ? 'application/x-www-form-urlencoded'
        : options.body !== undefined
            ? 'application/json'
            : undefined;
    const headers = {
        accept: 'application/json',
        ...(contentType ? { 'content-type': contentType } : {}),
        ...options.headers
    };
    const data = options.form
        ? new URLSearchParams(options.form).toString()
        : options.body !== undefined
            ? JSON.stringify(options.body)
            : null;
    let attempts = 0;
    try {
        const { response } = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .withRetries */ .LH)(async () => {
            attempts++;
            const answer = await client.request(method, url, data, headers);
            const text = await answer.readBody();
            return {
                response: { status: answer.message.statusCode ?? 0, text, body: parse(text) },
                headers: answer.message.headers
            };
        }, settled => (settled.ok ? { status: settled.value.response.status, headers: settled.value.headers } : {}), { policy: options.retry });
        return response;
    }
    catch (error) {
        throw new NetworkError(`no answer after ${attempts} attempt(s): ${error.code ?? error.message}`);
    }
    finally {
        client.dispose();
    }
}
/** The origin of a URL, for messages (never its path or query, which may carry identifiers). */
function originOf(url) {
    try {
        return new URL(url).origin;
    }
    catch {
        return '(invalid URL)';
    }
}


/***/ })

};

//# sourceMappingURL=211.index.js.map