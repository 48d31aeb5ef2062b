export const id = 511;
export const ids = [511];
export const modules = {

/***/ 3529:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qm: () => (/* binding */ malformed),
/* harmony export */   T1: () => (/* binding */ call),
/* harmony export */   V2: () => (/* binding */ failure),
/* harmony export */   XK: () => (/* binding */ serviceMessage),
/* harmony export */   _x: () => (/* binding */ answerBytes),
/* harmony export */   pc: () => (/* binding */ baseUrl)
/* harmony export */ });
/* harmony import */ var _core_encoding_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3590);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _net_http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(998);



/** Loopback hosts, where plain http carries nothing off the machine (stand-ins, local proxies). */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
/**
 * A service's base URL from an input or an environment variable, without trailing slashes. It
 * must be https (tokens travel on it); plain http is accepted for loopback only.
 */
function baseUrl(raw, subject, example) {
    const value = raw.trim().replace(/\/+$/, '');
    let parsed;
    try {
        parsed = new URL(value);
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('INPUT_INVALID', `${subject} ${value} is not a URL (expected e.g. ${example})`, subject);
    }
    const plainLocal = parsed.protocol === 'http:' && LOOPBACK.test(parsed.hostname);
    if ((parsed.protocol !== 'https:' && !plainLocal) ||
        parsed.username ||
        parsed.password ||
        parsed.search ||
        parsed.hash) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('INPUT_INVALID', `${subject} ${value} must be an https:// URL without credentials, query or fragment (e.g. ${example})`, subject);
    }
    return value;
}
/**
 * The service's own words from an error answer, in one line: Google's `{"error":{"message",
 * "status"}}`, Key Vault's `{"error":{"code","message"}}`, or OAuth's `{"error",
 * "error_description"}` (Entra appends trace and correlation ids on further lines; they are cut).
 */
function serviceMessage(response) {
    const body = response.body;
    const error = body?.error;
    let code = '';
    let message = '';
    if (typeof error === 'object' && error !== null) {
        const e = error;
        code = String(e.status ?? e.innererror?.code ?? e.code ?? '');
        message = typeof e.message === 'string' ? e.message : '';
    }
    else if (typeof error === 'string') {
        code = error;
        message = typeof body?.error_description === 'string' ? body.error_description : '';
    }
    else {
        message = response.text.slice(0, 300);
    }
    message = message.split(/\r?\n\s*(?=Trace ID:|Correlation ID:|Timestamp:)/)[0];
    return { code, message: message.replace(/\s+/g, ' ').trim() };
}
/** One request; a service that never answered becomes one line naming the host and the input. */
async function call(site, method, url, options = {}) {
    const headers = options.bearer ? { authorization: `Bearer ${options.bearer}` } : {};
    try {
        return await (0,_net_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .requestJson */ .SS)(method, url, { body: options.body, form: options.form, headers, retry: site.retry });
    }
    catch (error) {
        const reason = error instanceof _net_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .NetworkError */ .Dr ? error.message : String(error);
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', site.secrets.redact(`${site.service} at ${(0,_net_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .originOf */ .yv)(url)}: ${reason}`), site.subject);
    }
}
/**
 * One line for an answer that is not a success: what was tried, the status, the service's own
 * code and message, and what to change. Every known secret is cut out of the service's text.
 */
function failure(site, response, what, hint, subject = site.subject) {
    const { code, message } = serviceMessage(response);
    const said = [code, message].filter(Boolean).join(': ');
    const retried = response.status >= 500 || response.status === 429 ? ' (still failing after retries)' : '';
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', site.secrets.redact(`${what}: HTTP ${response.status}${said ? `: ${said}` : ''}${retried}; ${hint}`), subject);
}
/** An answer of the right status whose body lacks what it must carry. */
function malformed(site, what, missing, subject = site.subject) {
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', `${what}: the answer has no ${missing}`, subject);
}
/** Bytes from a base64 or base64url field of an answer; anything else is the service's fault, named. */
function answerBytes(value, what, field, subject) {
    const decoded = typeof value === 'string' ? (0,_core_encoding_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeBase64Strict */ .F)(value) : undefined;
    if (decoded?.ok)
        return decoded.bytes;
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', `${what}: the answer's ${field} is ${decoded ? decoded.why : 'missing'}`, subject);
}


/***/ }),

/***/ 5210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CQ: () => (/* binding */ crc32cString),
/* harmony export */   ah: () => (/* binding */ crc32cMatches)
/* harmony export */ });
/* unused harmony export crc32c */
/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum Google's Secret Manager and
 * Cloud KMS use to detect corruption between the client and the service. Node has no CRC-32C of
 * its own (zlib's crc32 is the IEEE polynomial), and a table of 256 words is all it takes.
 */
const TABLE = (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
        table[n] = c >>> 0;
    }
    return table;
})();
/** The CRC-32C of `data` as an unsigned 32-bit number. */
function crc32c(data) {
    let crc = 0xffffffff;
    for (const byte of data)
        crc = TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}
/** As Google's JSON APIs carry it: an int64 written as a decimal string. */
function crc32cString(data) {
    return String(crc32c(data));
}
/** Whether a checksum field from an answer (a decimal string or a number) is the CRC-32C of `data`. */
function crc32cMatches(field, data) {
    if (typeof field !== 'string' && typeof field !== 'number')
        return false;
    const text = String(field).trim();
    return /^\d{1,10}$/.test(text) && Number(text) === crc32c(data);
}


/***/ }),

/***/ 5342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d2: () => (/* binding */ gcpFederate)
/* harmony export */ });
/* unused harmony exports GCP_ENDPOINTS, gcpEndpoint, workloadIdentityProvider, gcpDefaultAudience */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _oidc_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5207);
/* harmony import */ var _cloud_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3529);
/* harmony import */ var _source_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3545);




/** Google's APIs that the GCP sources reach, with the variable that moves each one. */
const GCP_ENDPOINTS = {
    sts: { variable: 'GCP_ENDPOINT_STS', default: 'https://sts.googleapis.com' },
    iamcredentials: { variable: 'GCP_ENDPOINT_IAMCREDENTIALS', default: 'https://iamcredentials.googleapis.com' },
    secretmanager: { variable: 'GCP_ENDPOINT_SECRETMANAGER', default: 'https://secretmanager.googleapis.com' },
    cloudkms: { variable: 'GCP_ENDPOINT_CLOUDKMS', default: 'https://cloudkms.googleapis.com' }
};
/** The base URL of a Google API: its environment variable (Private Service Connect, tests) or Google's own. */
function gcpEndpoint(env, service) {
    const { variable, default: fallback } = GCP_ENDPOINTS[service];
    const override = env[variable]?.trim();
    return override ? (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .baseUrl */ .pc)(override, variable, fallback) : fallback;
}
const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';
const PROVIDER = /^projects\/(\d+)\/locations\/global\/workloadIdentityPools\/([a-z0-9-]{4,32})\/providers\/([a-z0-9-]{4,32})$/;
/** The provider's resource name; a pasted `//iam.googleapis.com/` or `https://iam.googleapis.com/` prefix is dropped. */
function workloadIdentityProvider(ctx) {
    const raw = ctx.options.need('gcp-workload-identity-provider', 'projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER');
    const name = raw.replace(/^(?:https:)?\/\/iam\.googleapis\.com\//, '');
    const m = PROVIDER.exec(name);
    if (!m) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('INPUT_INVALID', `${ctx.options.nameOf('gcp-workload-identity-provider')} ${raw} is not projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER (the project number, not its id; gcloud iam workload-identity-pools providers describe … --format='value(name)' prints it)`, 'gcp-workload-identity-provider');
    }
    return { name, project: m[1], pool: m[2] };
}
/** The `aud` that a provider accepts by default: its full name after https://iam.googleapis.com/. */
function gcpDefaultAudience(provider) {
    return `https://iam.googleapis.com/${provider}`;
}
/**
 * Workload Identity Federation: the job's OIDC token is exchanged at Google's STS for a federated
 * access token (RFC 8693 token exchange, as google-auth-library sends it), which then either is
 * used directly (direct resource access) or impersonates `gcp-service-account` through IAM
 * Credentials generateAccessToken. Every token is masked the moment it is parsed.
 */
async function gcpFederate(ctx) {
    const provider = workloadIdentityProvider(ctx);
    const serviceAccount = ctx.options.get('gcp-service-account');
    if (serviceAccount && !/^[^@\s/]+@[^@\s/]+$/.test(serviceAccount)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('INPUT_INVALID', `${ctx.options.nameOf('gcp-service-account')} ${serviceAccount} is not a service account email (NAME@PROJECT.iam.gserviceaccount.com)`, 'gcp-service-account');
    }
    const endpoint = (service) => gcpEndpoint(ctx.env, service);
    const stsUrl = `${endpoint('sts')}/v1/token`;
    const jwt = await (0,_source_context_js__WEBPACK_IMPORTED_MODULE_3__/* .oidcToken */ .d)(ctx, gcpDefaultAudience(provider.name));
    const site = (service, subject) => ({
        service,
        subject,
        secrets: ctx.secrets,
        retry: ctx.retry
    });
    const sts = site('Google STS', 'gcp-workload-identity-provider');
    const exchanged = await (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .call */ .T1)(sts, 'POST', stsUrl, {
        form: {
            grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
            audience: `//iam.googleapis.com/${provider.name}`,
            scope: CLOUD_PLATFORM,
            requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
            subject_token: jwt,
            subject_token_type: 'urn:ietf:params:oauth:token-type:jwt'
        }
    });
    const federated = exchanged.body?.access_token;
    if (exchanged.status !== 200)
        throw stsFailure(ctx, sts, exchanged, provider.name, jwt);
    if (typeof federated !== 'string' || federated === '')
        throw (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(sts, 'Google STS token exchange', 'access_token');
    ctx.secrets.add(federated);
    const federatedPrincipal = `principalSet://iam.googleapis.com/projects/${provider.project}/locations/global/workloadIdentityPools/${provider.pool}/…`;
    if (!serviceAccount) {
        ctx.log(`Federated this job's OIDC token through ${provider.name} (no service account impersonated)`);
        return {
            token: federated,
            principal: `this job's federated identity (${federatedPrincipal}, from gcp-workload-identity-provider; or set gcp-service-account to an account that has the role)`,
            endpoint,
            site
        };
    }
    const iam = site('IAM Credentials generateAccessToken', 'gcp-service-account');
    const url = `${endpoint('iamcredentials')}/v1/projects/-/serviceAccounts/${encodeURIComponent(serviceAccount)}:generateAccessToken`;
    const answer = await (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .call */ .T1)(iam, 'POST', url, {
        bearer: federated,
        body: { scope: [CLOUD_PLATFORM], lifetime: '600s' }
    });
    if (answer.status !== 200) {
        const hint = answer.status === 403
            ? `this job's federated identity (${federatedPrincipal}) needs roles/iam.workloadIdentityUser on gcp-service-account ${serviceAccount}, granted to a principalSet that matches this repository${describeTail(jwt)}`
            : answer.status === 404
                ? `check gcp-service-account: no service account ${serviceAccount}`
                : 'check gcp-service-account';
        throw (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .failure */ .V2)(iam, answer, `IAM Credentials refused to impersonate ${serviceAccount}`, hint);
    }
    const token = answer.body?.accessToken;
    if (typeof token !== 'string' || token === '')
        throw (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(iam, `IAM Credentials generateAccessToken for ${serviceAccount}`, 'accessToken');
    ctx.secrets.add(token);
    ctx.log(`Federated this job's OIDC token through ${provider.name} as ${serviceAccount}`);
    return { token, principal: `gcp-service-account ${serviceAccount}`, endpoint, site };
}
function describeTail(jwt) {
    const claims = (0,_oidc_js__WEBPACK_IMPORTED_MODULE_1__/* .describeClaims */ .Zs)(jwt, ['sub', 'repository']);
    return claims ? ` (${claims})` : '';
}
/** STS's OAuth error (`invalid_grant`, `invalid_request`, `unauthorized_client`) with what to change. */
function stsFailure(ctx, site, response, provider, jwt) {
    const { message } = (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .serviceMessage */ .XK)(response);
    const claims = (0,_oidc_js__WEBPACK_IMPORTED_MODULE_1__/* .describeClaims */ .Zs)(jwt, ['aud', 'sub', 'repository']);
    const said = claims ? ` (${claims})` : '';
    if (/audience/i.test(message) && ctx.options.get('oidc-audience')) {
        return (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .failure */ .V2)(site, response, `Google STS refused this job's OIDC token for ${provider}`, `the provider's allowed audiences must include oidc-audience${said}, or leave oidc-audience empty for the default ${gcpDefaultAudience(provider)}`, 'oidc-audience');
    }
    if (/attribute condition/i.test(message)) {
        return (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .failure */ .V2)(site, response, `Google STS refused this job's OIDC token for ${provider}`, `the provider's attribute condition must accept this job${said}`);
    }
    return (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .failure */ .V2)(site, response, `Google STS refused this job's OIDC token for ${provider}`, `check gcp-workload-identity-provider (the project number, pool and provider, an OIDC provider for https://token.actions.githubusercontent.com whose audiences accept the token${said})`);
}


/***/ }),

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

//# sourceMappingURL=511.index.js.map