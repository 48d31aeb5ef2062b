export const id = 297;
export const ids = [297];
export const modules = {

/***/ 6297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AwsKmsKey: () => (/* binding */ AwsKmsKey),
/* harmony export */   KMS_MAC_ALGORITHM: () => (/* binding */ KMS_MAC_ALGORITHM),
/* harmony export */   awsKmsKeys: () => (/* binding */ awsKmsKeys)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _net_network_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3218);
/* harmony import */ var _core_keys_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1483);
/* harmony import */ var _aws_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8737);
/* harmony import */ var _remote_mac_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3766);





/** KMS's MacAlgorithm for each of our hashes. */
const KMS_MAC_ALGORITHM = { sha256: 'HMAC_SHA_256', sha384: 'HMAC_SHA_384', sha512: 'HMAC_SHA_512' };
/** Turns a KMS error into one line that says what to change; `action` is GenerateMac, VerifyMac or DescribeKey. */
function kmsError(secrets, error, action, keyId, roleArn) {
    const unreachable = (0,_net_network_error_js__WEBPACK_IMPORTED_MODULE_1__/* .networkFailure */ .r)(error);
    if (unreachable)
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', secrets.redact(`AWS KMS ${action} for ${keyId}: ${unreachable}`), 'aws-region');
    const { code, message } = (0,_aws_js__WEBPACK_IMPORTED_MODULE_3__/* .awsErrorParts */ .OT)(error);
    const hints = {
        AccessDeniedException: `the role ${roleArn} needs kms:${action} on the key (build jobs: kms:GenerateMac; deploy jobs: only kms:VerifyMac; both: kms:DescribeKey)`,
        DisabledException: 'the key is disabled; enable it, or set aws-kms-key-id to the current key',
        KMSInvalidStateException: 'the key is not usable in its current state (pending deletion or import?)',
        InvalidKeyUsageException: 'aws-kms needs an HMAC key (key usage GENERATE_VERIFY_MAC, key spec HMAC_256, HMAC_384 or HMAC_512) whose MAC algorithms include the configured algorithm',
        NotFoundException: 'check aws-kms-key-id and aws-region',
        InvalidArnException: 'check aws-kms-key-id',
        KeyUnavailableException: 'KMS could not use the key right now; run the step again'
    };
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', secrets.redact(`AWS KMS ${action} failed for ${keyId}: ${code}: ${message}; ${hints[code] ?? 'check aws-kms-key-id'}`), 'aws-kms-key-id');
}
/**
 * An HMAC key that never leaves AWS KMS: GenerateMac to sign, VerifyMac to verify, over the digest
 * of the PAE (KMS takes at most 4,096 bytes). Its key id names the key's ARN, so that a manifest
 * says which key made it and a new key (rotation) gets a new key id.
 */
class AwsKmsKey {
    kms;
    sdk;
    arn;
    algorithm;
    secrets;
    roleArn;
    keyId;
    constructor(kms, sdk, arn, algorithm, secrets, roleArn) {
        this.kms = kms;
        this.sdk = sdk;
        this.arn = arn;
        this.algorithm = algorithm;
        this.secrets = secrets;
        this.roleArn = roleArn;
        this.keyId = `aws-kms:${arn}`;
    }
    async sign(message) {
        try {
            const answer = await this.kms.send(new this.sdk.GenerateMacCommand({
                KeyId: this.arn,
                MacAlgorithm: KMS_MAC_ALGORITHM[this.algorithm],
                Message: (0,_remote_mac_js__WEBPACK_IMPORTED_MODULE_4__/* .remoteMacInput */ .W)(this.algorithm, message)
            }));
            const mac = answer.Mac ? Buffer.from(answer.Mac) : Buffer.alloc(0);
            if (mac.length !== _remote_mac_js__WEBPACK_IMPORTED_MODULE_4__/* .MAC_LENGTH */ .z[this.algorithm]) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', `AWS KMS GenerateMac for ${this.arn} answered with a ${mac.length}-byte MAC; ${this.algorithm} gives ${_remote_mac_js__WEBPACK_IMPORTED_MODULE_4__/* .MAC_LENGTH */ .z[this.algorithm]}`, 'aws-kms-key-id');
            }
            return mac;
        }
        catch (error) {
            if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM)
                throw error;
            throw kmsError(this.secrets, error, 'GenerateMac', this.arn, this.roleArn);
        }
    }
    async verify(message, mac) {
        // KMS refuses MACs of the wrong length with a ValidationException; they cannot be ours.
        if (mac.length !== _remote_mac_js__WEBPACK_IMPORTED_MODULE_4__/* .MAC_LENGTH */ .z[this.algorithm])
            return false;
        try {
            const answer = await this.kms.send(new this.sdk.VerifyMacCommand({
                KeyId: this.arn,
                MacAlgorithm: KMS_MAC_ALGORITHM[this.algorithm],
                Message: (0,_remote_mac_js__WEBPACK_IMPORTED_MODULE_4__/* .remoteMacInput */ .W)(this.algorithm, message),
                Mac: mac
            }));
            return answer.MacValid === true;
        }
        catch (error) {
            // KMS reports a MAC that does not match as an exception: a failed verification, not an error.
            if ((0,_aws_js__WEBPACK_IMPORTED_MODULE_3__/* .awsErrorParts */ .OT)(error).code === 'KMSInvalidMacException')
                return false;
            throw kmsError(this.secrets, error, 'VerifyMac', this.arn, this.roleArn);
        }
    }
    toJSON() {
        return `[MacKey ${this.keyId}]`;
    }
}
/**
 * key-source `aws-kms`: OIDC → STS, then DescribeKey for each line of aws-kms-key-id (an ARN, key
 * id or alias), so that a disabled key or one of the wrong kind fails before any file is hashed,
 * and an alias resolves to the ARN the key id names.
 */
async function awsKmsKeys(ctx) {
    const ids = (0,_core_keys_js__WEBPACK_IMPORTED_MODULE_2__/* .splitKeyLines */ .Lf)(ctx.options.need('aws-kms-key-id', 'the ARN, id or alias of an HMAC KMS key; one per line to rotate'));
    const session = await (0,_aws_js__WEBPACK_IMPORTED_MODULE_3__/* .assumeRole */ .xN)(ctx);
    const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(632)]).then(__webpack_require__.t.bind(__webpack_require__, 2632, 19));
    const kms = new sdk.KMSClient({
        region: session.region,
        credentials: session.credentials,
        endpoint: session.endpoint('KMS'),
        maxAttempts: 3
    });
    const wanted = KMS_MAC_ALGORITHM[ctx.algorithm];
    const keys = [];
    for (const id of ids) {
        let meta;
        try {
            meta = (await kms.send(new sdk.DescribeKeyCommand({ KeyId: id }))).KeyMetadata;
        }
        catch (error) {
            throw kmsError(ctx.secrets, error, 'DescribeKey', id, session.roleArn);
        }
        const arn = meta?.Arn ?? id;
        if (meta?.KeyUsage && meta.KeyUsage !== 'GENERATE_VERIFY_MAC') {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', `AWS KMS key ${arn} has key usage ${meta.KeyUsage}; aws-kms needs an HMAC key (key usage GENERATE_VERIFY_MAC, key spec HMAC_256, HMAC_384 or HMAC_512)`, 'aws-kms-key-id');
        }
        if (meta?.KeyState && meta.KeyState !== 'Enabled') {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', `AWS KMS key ${arn} is ${meta.KeyState}; it must be Enabled to ${ctx.purpose}`, 'aws-kms-key-id');
        }
        if (meta?.MacAlgorithms && !meta.MacAlgorithms.includes(wanted)) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', `AWS KMS key ${arn} supports ${meta.MacAlgorithms.join(', ')}, not ${wanted}; set algorithm to match the key, or use a key with spec HMAC_${wanted.slice(-3)}`, 'aws-kms-key-id');
        }
        keys.push(new AwsKmsKey(kms, sdk, arn, ctx.algorithm, ctx.secrets, session.roleArn));
    }
    ctx.log(`Using AWS KMS key(s) ${keys.map(k => k.arn).join(', ')}`);
    return keys;
}


/***/ }),

/***/ 8737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OT: () => (/* binding */ awsErrorParts),
/* harmony export */   xN: () => (/* binding */ assumeRole)
/* harmony export */ });
/* unused harmony exports AWS_DEFAULT_AUDIENCE, awsEndpoint, sessionName */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _net_network_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3218);
/* harmony import */ var _oidc_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5207);
/* harmony import */ var _source_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3545);




/** The audience AWS's OIDC identity provider for GitHub expects by default. */
const AWS_DEFAULT_AUDIENCE = 'sts.amazonaws.com';
/** The endpoint override the AWS tools honour, read from `env` (so the CLI's env is used, not only process.env). */
function awsEndpoint(env, service) {
    return env[`AWS_ENDPOINT_URL_${service}`]?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined;
}
/** A name STS accepts for the session ([\w+=,.@-], 2 to 64 characters), tied to the run. */
function sessionName(env) {
    const run = [env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT].filter(Boolean).join('-');
    return `artifact-seal${run ? `-${run}` : ''}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}
/** The SDK's error as code and message, whatever shape it has. */
function awsErrorParts(error) {
    const e = error;
    return { code: e?.Code ?? e?.name ?? 'Error', message: (e?.message ?? String(error)).replace(/\s+/g, ' ').trim() };
}
/**
 * Assumes `aws-role-arn` with the job's OIDC token (STS AssumeRoleWithWebIdentity, which needs no
 * AWS credentials). The SDK is imported here, only when an AWS source is chosen, so that
 * `key-source: input` starts as fast as before.
 */
async function assumeRole(ctx) {
    const o = ctx.options;
    const region = o.get('aws-region') ?? (ctx.env.AWS_REGION?.trim() || ctx.env.AWS_DEFAULT_REGION?.trim());
    if (!region)
        o.need('aws-region', 'e.g. us-east-1; AWS_REGION is used when set');
    const roleArn = o.need('aws-role-arn', 'the IAM role whose trust policy accepts this repository’s OIDC token');
    const jwt = await (0,_source_context_js__WEBPACK_IMPORTED_MODULE_3__/* .oidcToken */ .d)(ctx, AWS_DEFAULT_AUDIENCE);
    const { STSClient, AssumeRoleWithWebIdentityCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
    const sts = new STSClient({ region, endpoint: awsEndpoint(ctx.env, 'STS'), maxAttempts: 3 });
    let answer;
    try {
        answer = await sts.send(new AssumeRoleWithWebIdentityCommand({
            RoleArn: roleArn,
            RoleSessionName: sessionName(ctx.env),
            WebIdentityToken: jwt
        }));
    }
    catch (error) {
        throw stsError(ctx, error, roleArn, jwt);
    }
    finally {
        sts.destroy();
    }
    const c = answer.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', `STS answered AssumeRoleWithWebIdentity for ${roleArn} without credentials`, 'aws-role-arn');
    }
    const credentials = {
        accessKeyId: ctx.secrets.add(c.AccessKeyId),
        secretAccessKey: ctx.secrets.add(c.SecretAccessKey),
        sessionToken: ctx.secrets.add(c.SessionToken)
    };
    ctx.log(`Assumed AWS role ${roleArn} in ${region}`);
    return { region: region, roleArn, credentials, endpoint: service => awsEndpoint(ctx.env, service) };
}
function stsError(ctx, error, roleArn, jwt) {
    const unreachable = (0,_net_network_error_js__WEBPACK_IMPORTED_MODULE_1__/* .networkFailure */ .r)(error);
    if (unreachable)
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', ctx.secrets.redact(`AWS STS (to assume ${roleArn}): ${unreachable}`), 'aws-region');
    const { code, message } = awsErrorParts(error);
    const claims = (0,_oidc_js__WEBPACK_IMPORTED_MODULE_2__/* .describeClaims */ .Zs)(jwt, ['sub', 'aud']);
    let hint;
    switch (code) {
        case 'AccessDenied':
            hint = `the role's trust policy must allow sts:AssumeRoleWithWebIdentity for this job: its token.actions.githubusercontent.com:sub condition must match${claims ? ` (${claims})` : ' this job'}`;
            break;
        case 'InvalidIdentityToken':
        case 'IDPRejectedClaim':
            hint = `the account needs an IAM OIDC identity provider for https://token.actions.githubusercontent.com whose audience matches oidc-audience${claims ? ` (${claims})` : ''}`;
            break;
        case 'ExpiredTokenException':
            hint = 'the OIDC token expired before it reached STS; run the step again';
            break;
        default:
            hint = 'check aws-role-arn and aws-region';
    }
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', ctx.secrets.redact(`AWS STS refused to let this job assume ${roleArn}: ${code}: ${message}; ${hint}`), 'aws-role-arn');
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
    const { HttpClient } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4942));
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

//# sourceMappingURL=297.index.js.map