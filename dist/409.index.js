export const id = 409;
export const ids = [409];
export const modules = {

/***/ 9409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gcpSecretManagerKeys: () => (/* binding */ gcpSecretManagerKeys),
/* harmony export */   secretVersionName: () => (/* binding */ secretVersionName)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1483);
/* harmony import */ var _cloud_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3529);
/* harmony import */ var _crc32c_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5210);
/* harmony import */ var _gcp_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5342);





const SECRET = /^projects\/([^/\s]+)\/secrets\/([\w-]{1,255})(?:\/versions\/(latest|\d+|[\w-]+))?$/;
/** `gcp-secret` as the version's resource name; without `/versions/V` it is the latest version. */
function secretVersionName(ctx) {
    const raw = ctx.options
        .need('gcp-secret', 'projects/PROJECT/secrets/NAME, optionally with /versions/VERSION')
        .replace(/^\/+|\/+$/g, '');
    const m = SECRET.exec(raw);
    if (!m) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('INPUT_INVALID', `${ctx.options.nameOf('gcp-secret')} ${raw} is not projects/PROJECT/secrets/NAME or projects/PROJECT/secrets/NAME/versions/VERSION`, 'gcp-secret');
    }
    return m[3] ? raw : `${raw}/versions/latest`;
}
/**
 * key-source `gcp-secret-manager`: federation, then Secret Manager `versions/…:access`. The
 * payload's CRC32C is checked before the payload is used: a key damaged on the way would sign
 * manifests that nothing verifies. The payload's text is decoded by key-encoding (one key per
 * line, for rotation).
 */
async function gcpSecretManagerKeys(ctx) {
    const name = secretVersionName(ctx);
    const session = await (0,_gcp_js__WEBPACK_IMPORTED_MODULE_4__/* .gcpFederate */ .d2)(ctx);
    const site = session.site('Secret Manager', 'gcp-secret');
    const answer = await (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .call */ .T1)(site, 'GET', `${session.endpoint('secretmanager')}/v1/${name}:access`, {
        bearer: session.token
    });
    if (answer.status !== 200) {
        const status = (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .serviceMessage */ .XK)(answer).code;
        const hint = answer.status === 403 || status === 'PERMISSION_DENIED'
            ? `${session.principal} needs roles/secretmanager.secretAccessor (secretmanager.versions.access) on the secret of gcp-secret`
            : status === 'FAILED_PRECONDITION'
                ? 'the secret version is disabled or destroyed; enable it, or name another version in gcp-secret'
                : 'check gcp-secret (project, secret name and version)';
        throw (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .failure */ .V2)(site, answer, `Secret Manager refused to access ${name}`, hint);
    }
    const payload = answer.body?.payload;
    if (typeof payload?.data !== 'string')
        throw (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(site, `Secret Manager access of ${name}`, 'payload.data');
    ctx.secrets.add(payload.data);
    const bytes = (0,_cloud_http_js__WEBPACK_IMPORTED_MODULE_2__/* .answerBytes */ ._x)(payload.data, `Secret Manager access of ${name}`, 'payload.data', 'gcp-secret');
    const text = ctx.secrets.add(bytes.toString('utf8'));
    for (const line of text.split(/\r?\n/))
        ctx.secrets.add(line.trim());
    // Secret Manager stores a CRC32C with every version (it computes one when none was given).
    if (payload.dataCrc32c !== undefined && !(0,_crc32c_js__WEBPACK_IMPORTED_MODULE_3__/* .crc32cMatches */ .ah)(payload.dataCrc32c, bytes)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SealError */ .EM('KEY_SOURCE', `Secret Manager answered ${name} with a payload whose CRC32C does not match payload.dataCrc32c (damaged on the way); run the step again`, 'gcp-secret');
    }
    const version = answer.body.name;
    ctx.log(`Read the key from Secret Manager ${typeof version === 'string' ? version : name}`);
    return (0,_core_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .keysFromText */ .aZ)(text, ctx.encoding, ctx.algorithm, `Secret Manager ${name}`, v => ctx.secrets.add(v));
}


/***/ })

};

//# sourceMappingURL=409.index.js.map