"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TopClient = void 0;
const client_core_ts_1 = require("./runtime/client/client-core.js");
const errors_ts_1 = require("./runtime/client/errors.js");
const operations_ts_1 = require("./operations.js");
/**
 * A typed client for Taobao Open Platform payment APIs (spec 1.0.0): validates, encodes, signs
 * and sends each call to the TOP gateway, and decodes the answer with int64
 * fields as bigint.
 */
class TopClient {
    #core;
    constructor(options) {
        this.#core = new client_core_ts_1.ClientCore(options);
    }
    /**
     * 支付发起 — Initiate a payment
     *
     * Initiates a cloud-gaming payment. No user session: the app's own signature authorises it.
     *
     * TOP method `alibaba.cloudgame.tradeplatform.payorder`; answer root `alibaba_cloudgame_tradeplatform_payorder_response`.
     * No user session needed.
     * Idempotency key: `request_param.pay_idempotent_code`. To retry after an uncertain failure, call again with the same value.
     * @throws {TopValidationError} before any network I/O, naming the field path
     * @throws {TopError} when the gateway answers `error_response`
     */
    alibabaCloudgameTradeplatformPayorder(params, options) {
        return this.#core.invoke(operations_ts_1.operations.alibabaCloudgameTradeplatformPayorder, params, options);
    }
    /**
     * 虚拟充值能力外放下单接口 — Place a virtual top-up order
     *
     * Places an order for a virtual top-up (fuel, for example) on behalf of a user. Needs the user's session.
     *
     * TOP method `taobao.game.virtual.order.create`; answer root `game_virtual_order_create_response`.
     * Needs a user session: pass `options.session` or set `session` on the client.
     * Idempotency key: `out_order_id`. To retry after an uncertain failure, call again with the same value.
     * @throws {TopValidationError} before any network I/O, naming the field path
     * @throws {TopError} when the gateway answers `error_response`
     */
    taobaoGameVirtualOrderCreate(params, options) {
        return this.#core.invoke(operations_ts_1.operations.taobaoGameVirtualOrderCreate, params, options);
    }
    /**
     * 三方权益支付成功通知 — Notify a successful third-party benefit payment
     *
     * Tells Diantao that a third party's benefit (a data package, say) was paid for. No user session.
     *
     * TOP method `alibaba.diantao.tripartite.right.pay.notify`; answer root `alibaba_diantao_tripartite_right_pay_notify_response`.
     * No user session needed.
     * Idempotency key: `tripartite_pay_notify_dto.idempotent_id`, else `tripartite_pay_notify_dto.outer_order_id`. To retry after an uncertain failure, call again with the same value.
     * @throws {TopValidationError} before any network I/O, naming the field path
     * @throws {TopError} when the gateway answers `error_response`
     */
    alibabaDiantaoTripartiteRightPayNotify(params, options) {
        return this.#core.invoke(operations_ts_1.operations.alibabaDiantaoTripartiteRightPayNotify, params, options);
    }
    /**
     * 服务商预付款完成接口 — Complete a service provider's prepayment
     *
     * Completes (pays) a service provider's prepayment on a Xianyu tender order. Needs the user's session.
     *
     * TOP method `alibaba.idle.tender.pre.pay.action`; answer root `alibaba_idle_tender_pre_pay_action_response`.
     * Needs a user session: pass `options.session` or set `session` on the client.
     * Idempotency key: `param0.pre_pay_no`. To retry after an uncertain failure, call again with the same value.
     * @throws {TopValidationError} before any network I/O, naming the field path
     * @throws {TopError} when the gateway answers `error_response`
     */
    alibabaIdleTenderPrePayAction(params, options) {
        return this.#core.invoke(operations_ts_1.operations.alibabaIdleTenderPrePayAction, params, options);
    }
    /**
     * 三方支付接口 — Third-party payment at an offline gym POS
     *
     * 新零售线下健身场景三方支付接口
     *
     * Third-party payment for new-retail offline fitness: charges a payment or membership code at a POS. No user session.
     *
     * TOP method `alibaba.alisports.lianbei.xpos.pay`; answer root `alibaba_alisports_lianbei_xpos_pay_response`.
     * No user session needed.
     * Idempotency key: `param0.request_id`. To retry after an uncertain failure, call again with the same value.
     * @throws {TopValidationError} before any network I/O, naming the field path
     * @throws {TopError} when the gateway answers `error_response`
     */
    alibabaAlisportsLianbeiXposPay(params, options) {
        return this.#core.invoke(operations_ts_1.operations.alibabaAlisportsLianbeiXposPay, params, options);
    }
    /** Calls any of the APIs by its TOP method name. */
    call(method, params, options) {
        const op = Object.hasOwn(operations_ts_1.operationsByMethod, method) ? operations_ts_1.operationsByMethod[method] : undefined;
        if (!op)
            return Promise.reject(new errors_ts_1.TopValidationError(String(method), [{ path: 'method', message: 'is not an API of this client' }]));
        return this.#core.invoke(op, params, options);
    }
    /** The exact query string and body a call would send, without sending it (for logs, tests and curl). */
    prepare(method, params, options) {
        const op = Object.hasOwn(operations_ts_1.operationsByMethod, method) ? operations_ts_1.operationsByMethod[method] : undefined;
        if (!op)
            throw new errors_ts_1.TopValidationError(String(method), [{ path: 'method', message: 'is not an API of this client' }]);
        const { query, body } = this.#core.prepare(op, params, options);
        return { query, body };
    }
    /** `prepare` on every runtime: on Workers and in browsers hmac-sha256 signs only asynchronously (WebCrypto). */
    async prepareAsync(method, params, options) {
        const op = Object.hasOwn(operations_ts_1.operationsByMethod, method) ? operations_ts_1.operationsByMethod[method] : undefined;
        if (!op)
            throw new errors_ts_1.TopValidationError(String(method), [{ path: 'method', message: 'is not an API of this client' }]);
        const { query, body } = await this.#core.prepareAsync(op, params, options);
        return { query, body };
    }
    /** Closes idle keep-alive connections. */
    close() {
        this.#core.close();
    }
}
exports.TopClient = TopClient;
