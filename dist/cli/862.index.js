export const id = 862;
export const ids = [862];
export const modules = {

/***/ 5862:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GCP_MAC_ALGORITHM: () => (/* binding */ GCP_MAC_ALGORITHM),
/* harmony export */   GcpKmsKey: () => (/* binding */ GcpKmsKey),
/* harmony export */   gcpKmsKeys: () => (/* binding */ gcpKmsKeys)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1483);
/* harmony import */ var _cloud_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3529);
/* harmony import */ var _crc32c_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5210);
/* harmony import */ var _gcp_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5342);
/* harmony import */ var _remote_mac_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3766);






const KEY_VERSION = /^projects\/[^/\s]+\/locations\/[^/\s]+\/keyRings\/[^/\s]+\/cryptoKeys\/[^/\s]+\/cryptoKeyVersions\/\d+$/;
/** Cloud KMS's algorithm for each of our hashes (a MAC key version has exactly one). */
const GCP_MAC_ALGORITHM = {
    sha256: 'HMAC_SHA256',
    sha384: 'HMAC_SHA384',
    sha512: 'HMAC_SHA512'
};
/** An answer's proto3 boolean: JSON omits a false one, so absent is false. */
const flag = (value) => value === true;
/**
 * One version of a Cloud KMS MAC key: `macSign` to sign, `macVerify` to verify, over the digest of
 * the PAE (the scheme of Vault transit and AWS KMS, docs/remote-keys.md). Both directions carry
 * CRC32C checksums, as Google asks of every client: we send `dataCrc32c` (and `macCrc32c`) and
 * discard an answer that does not confirm it received them, or whose MAC does not match its
 * `macCrc32c`. The key id names the version, so a rotation gives a new key id.
 */
class GcpKmsKey {
    name;
    algorithm;
    site;
    base;
    token;
    principal;
    keyId;
    constructor(name, algorithm, site, base, token, principal) {
        this.name = name;
        this.algorithm = algorithm;
        this.site = site;
        this.base = base;
        this.token = token;
        this.principal = principal;
        this.keyId = `gcp-kms:${name}`;
    }
    async sign(message) {
        const data = (0,_remote_mac_js__WEBPACK_IMPORTED_MODULE_5__/* .remoteMacInput */ .W)(this.algorithm, message);
        const answer = await (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .call */ .T1)(this.site, 'POST', `${this.base}/v1/${this.name}:macSign`, {
            bearer: this.token,
            body: { data: data.toString('base64'), dataCrc32c: (0,_crc32c_js__WEBPACK_IMPORTED_MODULE_3__/* .crc32cString */ .CQ)(data) }
        });
        if (answer.status !== 200)
            throw this.fail(answer, 'macSign', 'cloudkms.cryptoKeyVersions.useToSign (roles/cloudkms.signer, build jobs only)');
        const body = answer.body;
        this.checkName(body.name, 'macSign');
        if (!flag(body.verifiedDataCrc32c))
            throw this.integrity('macSign', 'did not confirm the request’s dataCrc32c (verifiedDataCrc32c is not true)');
        const mac = (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .answerBytes */ ._x)(body.mac, `Cloud KMS macSign for ${this.name}`, 'mac', 'gcp-kms-key');
        if (!(0,_crc32c_js__WEBPACK_IMPORTED_MODULE_3__/* .crc32cMatches */ .ah)(body.macCrc32c, mac))
            throw this.integrity('macSign', 'has a mac that does not match its macCrc32c');
        if (mac.length !== _remote_mac_js__WEBPACK_IMPORTED_MODULE_5__/* .MAC_LENGTH */ .z[this.algorithm]) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', `Cloud KMS macSign for ${this.name} answered with a ${mac.length}-byte MAC; ${this.algorithm} gives ${_remote_mac_js__WEBPACK_IMPORTED_MODULE_5__/* .MAC_LENGTH */ .z[this.algorithm]}: set algorithm to match the key (${GCP_MAC_ALGORITHM[this.algorithm]} is needed)`, 'gcp-kms-key');
        }
        return mac;
    }
    async verify(message, mac) {
        // A MAC of the wrong length cannot be ours; no need to ask KMS.
        if (mac.length !== _remote_mac_js__WEBPACK_IMPORTED_MODULE_5__/* .MAC_LENGTH */ .z[this.algorithm])
            return false;
        const data = (0,_remote_mac_js__WEBPACK_IMPORTED_MODULE_5__/* .remoteMacInput */ .W)(this.algorithm, message);
        const answer = await (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .call */ .T1)(this.site, 'POST', `${this.base}/v1/${this.name}:macVerify`, {
            bearer: this.token,
            body: {
                data: data.toString('base64'),
                dataCrc32c: (0,_crc32c_js__WEBPACK_IMPORTED_MODULE_3__/* .crc32cString */ .CQ)(data),
                mac: Buffer.from(mac).toString('base64'),
                macCrc32c: (0,_crc32c_js__WEBPACK_IMPORTED_MODULE_3__/* .crc32cString */ .CQ)(mac)
            }
        });
        if (answer.status !== 200)
            throw this.fail(answer, 'macVerify', 'cloudkms.cryptoKeyVersions.useToVerify (roles/cloudkms.verifier)');
        const body = answer.body;
        this.checkName(body.name, 'macVerify');
        if (!flag(body.verifiedDataCrc32c))
            throw this.integrity('macVerify', 'did not confirm the request’s dataCrc32c (verifiedDataCrc32c is not true)');
        if (!flag(body.verifiedMacCrc32c))
            throw this.integrity('macVerify', 'did not confirm the request’s macCrc32c (verifiedMacCrc32c is not true)');
        // Google: a verifiedSuccessIntegrity that contradicts success means the answer was damaged.
        if (flag(body.verifiedSuccessIntegrity) !== flag(body.success))
            throw this.integrity('macVerify', 'has a success that verifiedSuccessIntegrity contradicts');
        return flag(body.success);
    }
    toJSON() {
        return `[MacKey ${this.keyId}]`;
    }
    checkName(name, method) {
        // Google asks clients to check that the intended version did the work.
        if (typeof name === 'string' && name !== this.name)
            throw this.integrity(method, `names ${name}, not the key version asked for`);
    }
    integrity(method, what) {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', `Cloud KMS ${method} for ${this.name}: the answer ${what}; it was discarded (damaged on the way?); run the step again`, 'gcp-kms-key');
    }
    fail(answer, method, permission) {
        const status = (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .serviceMessage */ .XK)(answer).code;
        let hint;
        if (answer.status === 403 || status === 'PERMISSION_DENIED')
            hint = `${this.principal} needs ${permission} on the key of gcp-kms-key`;
        else if (status === 'FAILED_PRECONDITION')
            hint =
                'the key version must be ENABLED (a disabled, destroyed or pending version cannot compute MACs); set gcp-kms-key to an enabled version';
        else if (status === 'INVALID_ARGUMENT')
            hint = `gcp-kms needs a key with purpose MAC whose algorithm is ${GCP_MAC_ALGORITHM[this.algorithm]} (the configured algorithm ${this.algorithm})`;
        else if (answer.status === 404 || status === 'NOT_FOUND')
            hint = 'check gcp-kms-key (the full …/cryptoKeyVersions/V name)';
        else
            hint = 'check gcp-kms-key';
        return (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .failure */ .V2)(this.site, answer, `Cloud KMS ${method} failed for ${this.name}`, hint);
    }
}
/**
 * key-source `gcp-kms`: federation, then one key per line of `gcp-kms-key` (full key version
 * names): the first signs, all verify. Nothing is read from KMS up front, so a deploy identity
 * needs nothing but useToVerify.
 */
async function gcpKmsKeys(ctx) {
    const names = (0,_core_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .splitKeyLines */ .Lf)(ctx.options.need('gcp-kms-key', 'projects/P/locations/L/keyRings/R/cryptoKeys/K/cryptoKeyVersions/V; one per line to rotate'));
    for (const name of names) {
        if (!KEY_VERSION.test(name)) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('INPUT_INVALID', `${ctx.options.nameOf('gcp-kms-key')} ${name} is not a key version name (projects/P/locations/L/keyRings/R/cryptoKeys/K/cryptoKeyVersions/V)`, 'gcp-kms-key');
        }
    }
    const session = await (0,_gcp_js__WEBPACK_IMPORTED_MODULE_4__/* .gcpFederate */ .d2)(ctx);
    const site = session.site('Cloud KMS', 'gcp-kms-key');
    const used = ctx.purpose === 'sign' ? names.slice(0, 1) : names;
    ctx.log(`Using Cloud KMS key version(s) ${used.join(', ')}`);
    return used.map(name => new GcpKmsKey(name, ctx.algorithm, site, session.endpoint('cloudkms'), session.token, session.principal));
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


/***/ })

};

//# sourceMappingURL=862.index.js.map