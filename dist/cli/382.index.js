export const id = 382;
export const ids = [382];
export const modules = {

/***/ 8382:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AzureManagedHsmKey: () => (/* binding */ AzureManagedHsmKey),
/* harmony export */   HSM_ALGORITHM: () => (/* binding */ HSM_ALGORITHM),
/* harmony export */   azureManagedHsmKeys: () => (/* binding */ azureManagedHsmKeys)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1483);
/* harmony import */ var _azure_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7643);
/* harmony import */ var _cloud_http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3529);
/* harmony import */ var _remote_mac_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3766);





/** The JSON Web Algorithm of an HMAC with each of our hashes (RFC 7518). */
const HSM_ALGORITHM = { sha256: 'HS256', sha384: 'HS384', sha512: 'HS512' };
const KEY = /^([0-9a-zA-Z-]{1,127})(?:\/([0-9a-zA-Z]{1,64}))?$/;
/**
 * One version of an `oct-HSM` key in Azure Managed HSM: `sign` to MAC, `verify` to check, over
 * the digest of the PAE (docs/remote-keys.md). Requests go to the configured HSM URL, never to a
 * URL read from an answer. The key id is the key's id URL, version included.
 */
class AzureManagedHsmKey {
    name;
    version;
    algorithm;
    site;
    token;
    clientId;
    keyId;
    kid;
    constructor(hsm, name, version, algorithm, site, token, clientId) {
        this.name = name;
        this.version = version;
        this.algorithm = algorithm;
        this.site = site;
        this.token = token;
        this.clientId = clientId;
        this.kid = `${hsm}/keys/${name}/${version}`;
        this.keyId = `azure-managed-hsm:${this.kid}`;
    }
    async sign(message) {
        const digest = (0,_remote_mac_js__WEBPACK_IMPORTED_MODULE_4__/* .remoteMacInput */ .W)(this.algorithm, message);
        const answer = await (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_3__/* .call */ .T1)(this.site, 'POST', `${this.kid}/sign?api-version=${_azure_js__WEBPACK_IMPORTED_MODULE_2__/* .KEY_VAULT_API_VERSION */ .rW}`, {
            bearer: this.token,
            body: { alg: HSM_ALGORITHM[this.algorithm], value: digest.toString('base64url') }
        });
        if (answer.status !== 200)
            throw this.fail(answer, 'sign', 'Microsoft.KeyVault/managedHsm/keys/sign/action (build jobs only)');
        const mac = (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_3__/* .answerBytes */ ._x)(answer.body?.value, `Managed HSM sign with ${this.kid}`, 'value', 'azure-hsm-key');
        if (mac.length !== _remote_mac_js__WEBPACK_IMPORTED_MODULE_4__/* .MAC_LENGTH */ .z[this.algorithm]) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', `Managed HSM sign with ${this.kid} answered with a ${mac.length}-byte MAC; ${HSM_ALGORITHM[this.algorithm]} gives ${_remote_mac_js__WEBPACK_IMPORTED_MODULE_4__/* .MAC_LENGTH */ .z[this.algorithm]}`, 'azure-hsm-key');
        }
        return mac;
    }
    async verify(message, mac) {
        // A MAC of the wrong length cannot be ours; no need to ask the HSM.
        if (mac.length !== _remote_mac_js__WEBPACK_IMPORTED_MODULE_4__/* .MAC_LENGTH */ .z[this.algorithm])
            return false;
        const digest = (0,_remote_mac_js__WEBPACK_IMPORTED_MODULE_4__/* .remoteMacInput */ .W)(this.algorithm, message);
        const answer = await (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_3__/* .call */ .T1)(this.site, 'POST', `${this.kid}/verify?api-version=${_azure_js__WEBPACK_IMPORTED_MODULE_2__/* .KEY_VAULT_API_VERSION */ .rW}`, {
            bearer: this.token,
            body: {
                alg: HSM_ALGORITHM[this.algorithm],
                digest: digest.toString('base64url'),
                value: Buffer.from(mac).toString('base64url')
            }
        });
        if (answer.status !== 200)
            throw this.fail(answer, 'verify', 'Microsoft.KeyVault/managedHsm/keys/verify/action');
        return answer.body?.value === true;
    }
    toJSON() {
        return `[MacKey ${this.keyId}]`;
    }
    fail(answer, operation, action) {
        return (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_3__/* .failure */ .V2)(this.site, answer, `Managed HSM ${operation} failed for ${this.kid}`, hsmHint(answer, this.clientId, action));
    }
}
function hsmHint(answer, clientId, action) {
    const code = (0,_azure_js__WEBPACK_IMPORTED_MODULE_2__/* .keyVaultCode */ .V8)(answer);
    if (code === 'KeyDisabled' || /disabled/i.test(JSON.stringify(answer.body ?? '')))
        return 'the key (version) is disabled; enable it, or set azure-hsm-key to an enabled version';
    if (answer.status === 403)
        return `application ${clientId} (azure-client-id) needs the data action ${action} on the key of azure-hsm-key (a Managed HSM local role assignment, scope /keys/NAME)`;
    if (answer.status === 401)
        return 'the HSM refused the token: the HSM must be in tenant azure-tenant-id';
    if (answer.status === 404)
        return 'check azure-hsm-key and azure-managed-hsm-url';
    if (answer.status === 400)
        return "azure-managed-hsm needs an HMAC key (key type oct-HSM, key_ops sign and verify) of the configured algorithm's size";
    return 'check azure-hsm-key';
}
/**
 * key-source `azure-managed-hsm`: an Entra token for the HSM, then one key per line of
 * `azure-hsm-key` (`name/version`, or `name` for the key's current version, which is read with
 * keys/read/action): the first signs, all verify.
 */
async function azureManagedHsmKeys(ctx) {
    const hsm = (0,_azure_js__WEBPACK_IMPORTED_MODULE_2__/* .azureResourceUrl */ .Ve)(ctx, 'azure-managed-hsm-url', 'https://NAME.managedhsm.azure.net');
    const lines = (0,_core_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .splitKeyLines */ .Lf)(ctx.options.need('azure-hsm-key', 'the key name, or name/version; one per line to rotate'));
    const wanted = lines.map(line => {
        const m = KEY.exec(line.replace(/^\/+|\/+$/g, ''));
        if (!m)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('INPUT_INVALID', `${ctx.options.nameOf('azure-hsm-key')} ${line} is not a key name (letters, digits, -) or name/version`, 'azure-hsm-key');
        return { name: m[1], version: m[2] };
    });
    const used = ctx.purpose === 'sign' ? wanted.slice(0, 1) : wanted;
    const session = await (0,_azure_js__WEBPACK_IMPORTED_MODULE_2__/* .entraToken */ .Ex)(ctx, (0,_azure_js__WEBPACK_IMPORTED_MODULE_2__/* .azureScope */ .kB)('managedhsm', hsm));
    const site = session.site('Managed HSM', 'azure-hsm-key');
    const keys = [];
    for (const { name, version } of used) {
        keys.push(new AzureManagedHsmKey(hsm, name, version ?? (await currentVersion(site, hsm, name, session.token, session.clientId)), ctx.algorithm, site, session.token, session.clientId));
    }
    ctx.log(`Using Managed HSM key(s) ${keys.map(k => k.kid).join(', ')}`);
    return keys;
}
/** GET keys/{name}: the current version's id, after checking that it is an enabled HMAC key. */
async function currentVersion(site, hsm, name, token, clientId) {
    const answer = await (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_3__/* .call */ .T1)(site, 'GET', `${hsm}/keys/${name}?api-version=${_azure_js__WEBPACK_IMPORTED_MODULE_2__/* .KEY_VAULT_API_VERSION */ .rW}`, { bearer: token });
    if (answer.status !== 200) {
        const hint = answer.status === 403
            ? `application ${clientId} (azure-client-id) needs Microsoft.KeyVault/managedHsm/keys/read/action on the key to find its current version; or give azure-hsm-key as NAME/VERSION`
            : hsmHint(answer, clientId, 'Microsoft.KeyVault/managedHsm/keys/read/action');
        throw (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_3__/* .failure */ .V2)(site, answer, `Managed HSM refused GET keys/${name}`, hint);
    }
    const body = answer.body;
    const kid = body?.key?.kid;
    const m = typeof kid === 'string' ? /\/keys\/([^/]+)\/([^/?]+)$/.exec(kid) : null;
    if (!m || m[1] !== name)
        throw (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(site, `Managed HSM GET keys/${name}`, 'key.kid naming a version of that key');
    if (body?.key?.kty !== undefined && body.key.kty !== 'oct-HSM' && body.key.kty !== 'oct') {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', `Managed HSM key ${name} is of type ${String(body.key.kty)}; azure-managed-hsm needs an HMAC key (key type oct-HSM)`, 'azure-hsm-key');
    }
    if (body?.attributes?.enabled === false) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', `Managed HSM key ${name} (version ${m[2]}) is disabled; enable it, or set azure-hsm-key to an enabled version`, 'azure-hsm-key');
    }
    return m[2];
}


/***/ }),

/***/ 7643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ex: () => (/* binding */ entraToken),
/* harmony export */   V8: () => (/* binding */ keyVaultCode),
/* harmony export */   Ve: () => (/* binding */ azureResourceUrl),
/* harmony export */   kB: () => (/* binding */ azureScope),
/* harmony export */   rW: () => (/* binding */ KEY_VAULT_API_VERSION)
/* harmony export */ });
/* unused harmony exports AZURE_DEFAULT_AUDIENCE, AZURE_DEFAULT_AUTHORITY, authorityHost */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _oidc_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5207);
/* harmony import */ var _cloud_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3529);
/* harmony import */ var _source_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3545);




/** The audience Microsoft Entra's federated credentials for GitHub expect by default. */
const AZURE_DEFAULT_AUDIENCE = 'api://AzureADTokenExchange';
const AZURE_DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';
/** The Key Vault and Managed HSM data plane API version we speak. */
const KEY_VAULT_API_VERSION = '7.4';
/** Microsoft Entra's host: AZURE_AUTHORITY_HOST (sovereign clouds, stand-ins) or the public cloud's. */
function authorityHost(env) {
    const override = env.AZURE_AUTHORITY_HOST?.trim();
    return override ? (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .baseUrl */ .pc)(override, 'AZURE_AUTHORITY_HOST', AZURE_DEFAULT_AUTHORITY) : AZURE_DEFAULT_AUTHORITY;
}
/**
 * The token scope for a vault or HSM URL: Azure's own hosts name their cloud (public, China, US
 * Government). Any other host (a private endpoint's alias, a stand-in) gets the public cloud's
 * resource. The scope is ours to choose, never the server's: unlike the Key Vault SDKs, which read
 * the resource from the server's 401 challenge and so must check it against the vault's domain
 * (`disableChallengeResourceVerification`), this client never asks the server which token to get.
 */
function azureScope(service, url) {
    const host = new URL(url).hostname.toLowerCase();
    const clouds = ['azure.net', 'azure.cn', 'usgovcloudapi.net'];
    const suffix = clouds.find(cloud => host.endsWith(`.${service}.${cloud}`));
    return `https://${service}.${suffix ?? 'azure.net'}/.default`;
}
/** A vault or HSM URL input (https; trailing slashes dropped). */
function azureResourceUrl(ctx, option, example) {
    return (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .baseUrl */ .pc)(ctx.options.need(option, `e.g. ${example}`), option, example);
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * Microsoft Entra client-credentials grant with the job's OIDC token as the client assertion
 * (workload identity federation), posted straight to `<authority>/<tenant>/oauth2/v2.0/token`.
 * No instance discovery is asked of login.microsoftonline.com (MSAL does that whatever
 * AZURE_AUTHORITY_HOST says), so a sovereign or private authority is the only host contacted.
 */
async function entraToken(ctx, scope) {
    const tenant = ctx.options.need('azure-tenant-id', 'the directory (tenant) id of the app registration');
    const clientId = ctx.options.need('azure-client-id', 'the application (client) id whose federated credential trusts this repository');
    if (!GUID.test(tenant) && !/^[a-z0-9][a-z0-9.-]*\.[a-z]{2,}$/i.test(tenant)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('INPUT_INVALID', `${ctx.options.nameOf('azure-tenant-id')} ${tenant} is not a tenant id (a GUID) or a verified domain`, 'azure-tenant-id');
    }
    if (!GUID.test(clientId)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('INPUT_INVALID', `${ctx.options.nameOf('azure-client-id')} ${clientId} is not an application (client) id (a GUID)`, 'azure-client-id');
    }
    const url = `${authorityHost(ctx.env)}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
    const jwt = await (0,_source_context_js__WEBPACK_IMPORTED_MODULE_3__/* .oidcToken */ .d)(ctx, AZURE_DEFAULT_AUDIENCE);
    const site = (service, subject) => ({
        service,
        subject,
        secrets: ctx.secrets,
        retry: ctx.retry
    });
    const entra = site('Microsoft Entra', 'azure-client-id');
    const answer = await (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .call */ .T1)(entra, 'POST', url, {
        form: {
            client_id: clientId,
            scope,
            grant_type: 'client_credentials',
            client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
            client_assertion: jwt
        }
    });
    if (answer.status !== 200)
        throw entraFailure(ctx, entra, answer, tenant, clientId, jwt);
    const token = answer.body?.access_token;
    if (typeof token !== 'string' || token === '')
        throw (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(entra, 'Microsoft Entra token request', 'access_token');
    ctx.secrets.add(token);
    ctx.log(`Signed in to Microsoft Entra tenant ${tenant} as application ${clientId} (scope ${scope})`);
    return { token, clientId, site };
}
/** Entra's AADSTS codes, mapped to the input that fixes them. */
function entraFailure(ctx, site, response, tenant, clientId, jwt) {
    const { message } = (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .serviceMessage */ .XK)(response);
    const code = /AADSTS(\d+)/.exec(message)?.[1] ?? '';
    const claims = (0,_oidc_js__WEBPACK_IMPORTED_MODULE_1__/* .describeClaims */ .Zs)(jwt, ['iss', 'sub', 'aud']);
    const said = claims ? ` (${claims})` : '';
    const what = `Microsoft Entra refused this job's OIDC token for application ${clientId} in tenant ${tenant}`;
    if (['90002', '900023', '90013'].includes(code))
        return (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .failure */ .V2)(site, response, what, 'check azure-tenant-id', 'azure-tenant-id');
    if (['700016', '700038'].includes(code))
        return (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .failure */ .V2)(site, response, what, `check azure-client-id: no such application in tenant ${tenant}`);
    if (code === '700212' && ctx.options.get('oidc-audience')) {
        return (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .failure */ .V2)(site, response, what, `the federated credential's audience must be oidc-audience${said}, or leave oidc-audience empty for ${AZURE_DEFAULT_AUDIENCE}`, 'oidc-audience');
    }
    if (['70021', '700211', '700212', '700213'].includes(code)) {
        return (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .failure */ .V2)(site, response, what, `the application of azure-client-id needs a federated credential with issuer https://token.actions.githubusercontent.com, the subject and audience of this job${said}`);
    }
    return (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .failure */ .V2)(site, response, what, "check azure-tenant-id, azure-client-id and the application's federated credential");
}
/** The hint for a Key Vault or Managed HSM error answer, by status and Key Vault's error code. */
function keyVaultCode(response) {
    return (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .serviceMessage */ .XK)(response).code;
}


/***/ }),

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

/***/ 3766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ remoteMacInput),
/* harmony export */   z: () => (/* binding */ MAC_LENGTH)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * What a remote key (Vault transit, AWS KMS) computes its MAC over: the configured digest of the
 * DSSE PAE, not the PAE itself. AWS KMS takes at most 4,096 bytes per message and a manifest's PAE
 * is usually larger; hashing first keeps one scheme for every store. Specified, with test vectors,
 * in docs/remote-keys.md.
 */
function remoteMacInput(algorithm, pae) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(pae).digest();
}
/** Length of an HMAC with each hash: a signature of any other length cannot verify. */
const MAC_LENGTH = { sha256: 32, sha384: 48, sha512: 64 };


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

//# sourceMappingURL=382.index.js.map