import type { AlibabaCloudgameTradeplatformPayorderRequest, AlibabaCloudgameTradeplatformPayorderResponse, GameVirtualOrderCreateRequest, GameVirtualOrderCreateResponse, AlibabaDiantaoTripartiteRightPayNotifyRequest, AlibabaDiantaoTripartiteRightPayNotifyResponse, AlibabaIdleTenderPrePayActionRequest, AlibabaIdleTenderPrePayActionResponse, AlibabaAlisportsLianbeiXposPayRequest, AlibabaAlisportsLianbeiXposPayResponse } from './schemas.ts';
import { GatewayCore, type GatewayCoreOptions, type HandlerContext } from './runtime/server/gateway-core.ts';
import { type RequestListener } from './runtime/server/node-listener.ts';
import { topGatewayPlugin } from './runtime/server/fastify-plugin.ts';
/**
 * A handler per API, by operationId. Each receives the business parameters as
 * the gateway decoded and validated them (the request types of this package
 * say exactly what arrives) and the call's context, and returns the answer
 * inside the API's root. An API without a handler answers 22 (Invalid Method).
 */
export interface Handlers {
    /**
     * 支付发起 — Initiate a payment
     *
     * Initiates a cloud-gaming payment. No user session: the app's own signature authorises it.
     *
     * Handles TOP method `alibaba.cloudgame.tradeplatform.payorder`.
     *
     * Receives `AlibabaCloudgameTradeplatformPayorderRequest`: the business parameters, already checked against the spec and decoded by the gateway (system parameters and the signature are checked and removed):
     * - `request_param`: `PayOrderRequest`, decoded from its JSON text; always present.
     *
     * Returns `AlibabaCloudgameTradeplatformPayorderResponse`, the answer inside `alibaba_cloudgame_tradeplatform_payorder_response` (or a promise of it). The gateway adds the envelope and `request_id`, writes JSON or XML as the caller asked (lists wrapped in their item elements), and answers 15 `isp.invalid-response` instead when the answer does not fit the spec.
     *
     * Answered by the gateway without calling this handler: a missing or invalid system parameter or signature, a missing required parameter (40 `isv.missing-parameter:<path>`) and a parameter that breaks its type or constraints (41 `isv.invalid-parameter:<path>`).
     * Decided by this handler: to refuse the call, throw `GatewayError(code, subCode, subMsg)` (TOP's APIs use 15 or 50 with an `isv.` sub_code when the caller must change the request, `isp.` when a later retry may succeed); anything else it throws is answered 15 `isp.service-error` and reported to `onHandlerError`.
     *
     * Idempotency key: `request_param.pay_idempotent_code` (`context.idempotencyKey`). The gateway runs this handler once per app key and key value (while the outcome is kept, `idempotencyTtlMs`, default 24 h): a retry with the same key and parameters gets the recorded outcome, error answers included, without calling it again; the same key with other parameters is answered 41 `isv.idempotency-conflict:<path>`, a blank key 41 too. A caller that waits longer than `handlerTimeoutMs` is answered 15 `isp.handler-timeout` while the handler runs on; its outcome is still recorded and replayed. Throw `NothingChangedError` only when nothing was done: it releases the key, so a retry runs the handler again.
     * Needs no user session: `context.user` is undefined.
     */
    alibabaCloudgameTradeplatformPayorder?: (params: AlibabaCloudgameTradeplatformPayorderRequest, context: HandlerContext) => AlibabaCloudgameTradeplatformPayorderResponse | Promise<AlibabaCloudgameTradeplatformPayorderResponse>;
    /**
     * 虚拟充值能力外放下单接口 — Place a virtual top-up order
     *
     * Places an order for a virtual top-up (fuel, for example) on behalf of a user. Needs the user's session.
     *
     * Handles TOP method `taobao.game.virtual.order.create`.
     *
     * Receives `GameVirtualOrderCreateRequest`: the business parameters, already checked against the spec and decoded by the gateway (system parameters and the signature are checked and removed):
     * - `ext` (String): string; undefined when the caller leaves it out.
     * - `biz_code` (String): string; always present.
     * - `picture_url` (String): string; always present.
     * - `item_name` (String): string; always present.
     * - `pay_price` (Number): bigint; always present.
     * - `account` (String): string; always present.
     * - `seller_id` (Number): bigint; always present.
     * - `out_order_id` (String): string; always present.
     *
     * Returns `GameVirtualOrderCreateResponse`, the answer inside `game_virtual_order_create_response` (or a promise of it). The gateway adds the envelope and `request_id`, writes JSON or XML as the caller asked (lists wrapped in their item elements), and answers 15 `isp.invalid-response` instead when the answer does not fit the spec.
     *
     * Answered by the gateway without calling this handler: a missing or invalid system parameter or signature, a missing or rejected session (`verifySession`), a missing required parameter (40 `isv.missing-parameter:<path>`) and a parameter that breaks its type or constraints (41 `isv.invalid-parameter:<path>`).
     * Decided by this handler: to refuse the call, throw `GatewayError(code, subCode, subMsg)` (TOP's APIs use 15 or 50 with an `isv.` sub_code when the caller must change the request, `isp.` when a later retry may succeed); anything else it throws is answered 15 `isp.service-error` and reported to `onHandlerError`.
     *
     * Idempotency key: `out_order_id` (`context.idempotencyKey`). The gateway runs this handler once per app key and key value (while the outcome is kept, `idempotencyTtlMs`, default 24 h): a retry with the same key and parameters gets the recorded outcome, error answers included, without calling it again; the same key with other parameters is answered 41 `isv.idempotency-conflict:<path>`, a blank key 41 too. A caller that waits longer than `handlerTimeoutMs` is answered 15 `isp.handler-timeout` while the handler runs on; its outcome is still recorded and replayed. Throw `NothingChangedError` only when nothing was done: it releases the key, so a retry runs the handler again.
     * `context.user` is what `verifySession` returned for the caller's session.
     */
    taobaoGameVirtualOrderCreate?: (params: GameVirtualOrderCreateRequest, context: HandlerContext) => GameVirtualOrderCreateResponse | Promise<GameVirtualOrderCreateResponse>;
    /**
     * 三方权益支付成功通知 — Notify a successful third-party benefit payment
     *
     * Tells Diantao that a third party's benefit (a data package, say) was paid for. No user session.
     *
     * Handles TOP method `alibaba.diantao.tripartite.right.pay.notify`.
     *
     * Receives `AlibabaDiantaoTripartiteRightPayNotifyRequest`: the business parameters, already checked against the spec and decoded by the gateway (system parameters and the signature are checked and removed):
     * - `tripartite_pay_notify_dto`: `TripartitePayNotifyDTO`, decoded from its JSON text; undefined when the caller leaves it out.
     *
     * Returns `AlibabaDiantaoTripartiteRightPayNotifyResponse`, the answer inside `alibaba_diantao_tripartite_right_pay_notify_response` (or a promise of it). The gateway adds the envelope and `request_id`, writes JSON or XML as the caller asked (lists wrapped in their item elements), and answers 15 `isp.invalid-response` instead when the answer does not fit the spec.
     *
     * Answered by the gateway without calling this handler: a missing or invalid system parameter or signature, a missing required parameter (40 `isv.missing-parameter:<path>`) and a parameter that breaks its type or constraints (41 `isv.invalid-parameter:<path>`).
     * Decided by this handler: to refuse the call, throw `GatewayError(code, subCode, subMsg)` (TOP's APIs use 15 or 50 with an `isv.` sub_code when the caller must change the request, `isp.` when a later retry may succeed); anything else it throws is answered 15 `isp.service-error` and reported to `onHandlerError`.
     *
     * Idempotency key: `tripartite_pay_notify_dto.idempotent_id`, else `tripartite_pay_notify_dto.outer_order_id` (`context.idempotencyKey`). The gateway runs this handler once per app key and key value (while the outcome is kept, `idempotencyTtlMs`, default 24 h): a retry with the same key and parameters gets the recorded outcome, error answers included, without calling it again; the same key with other parameters is answered 41 `isv.idempotency-conflict:<path>`, a blank key 41 too. A caller that waits longer than `handlerTimeoutMs` is answered 15 `isp.handler-timeout` while the handler runs on; its outcome is still recorded and replayed. Throw `NothingChangedError` only when nothing was done: it releases the key, so a retry runs the handler again. A call that carries no key value is not deduplicated: the handler runs each time.
     * Needs no user session: `context.user` is undefined.
     */
    alibabaDiantaoTripartiteRightPayNotify?: (params: AlibabaDiantaoTripartiteRightPayNotifyRequest, context: HandlerContext) => AlibabaDiantaoTripartiteRightPayNotifyResponse | Promise<AlibabaDiantaoTripartiteRightPayNotifyResponse>;
    /**
     * 服务商预付款完成接口 — Complete a service provider's prepayment
     *
     * Completes (pays) a service provider's prepayment on a Xianyu tender order. Needs the user's session.
     *
     * Handles TOP method `alibaba.idle.tender.pre.pay.action`.
     *
     * Receives `AlibabaIdleTenderPrePayActionRequest`: the business parameters, already checked against the spec and decoded by the gateway (system parameters and the signature are checked and removed):
     * - `param0`: `TenderPrePayCmd`, decoded from its JSON text; always present.
     *
     * Returns `AlibabaIdleTenderPrePayActionResponse`, the answer inside `alibaba_idle_tender_pre_pay_action_response` (or a promise of it). The gateway adds the envelope and `request_id`, writes JSON or XML as the caller asked (lists wrapped in their item elements), and answers 15 `isp.invalid-response` instead when the answer does not fit the spec.
     *
     * Answered by the gateway without calling this handler: a missing or invalid system parameter or signature, a missing or rejected session (`verifySession`), a missing required parameter (40 `isv.missing-parameter:<path>`) and a parameter that breaks its type or constraints (41 `isv.invalid-parameter:<path>`).
     * Decided by this handler: to refuse the call, throw `GatewayError(code, subCode, subMsg)` (TOP's APIs use 15 or 50 with an `isv.` sub_code when the caller must change the request, `isp.` when a later retry may succeed); anything else it throws is answered 15 `isp.service-error` and reported to `onHandlerError`.
     *
     * Idempotency key: `param0.pre_pay_no` (`context.idempotencyKey`). The gateway runs this handler once per app key and key value (while the outcome is kept, `idempotencyTtlMs`, default 24 h): a retry with the same key and parameters gets the recorded outcome, error answers included, without calling it again; the same key with other parameters is answered 41 `isv.idempotency-conflict:<path>`, a blank key 41 too. A caller that waits longer than `handlerTimeoutMs` is answered 15 `isp.handler-timeout` while the handler runs on; its outcome is still recorded and replayed. Throw `NothingChangedError` only when nothing was done: it releases the key, so a retry runs the handler again.
     * `context.user` is what `verifySession` returned for the caller's session.
     */
    alibabaIdleTenderPrePayAction?: (params: AlibabaIdleTenderPrePayActionRequest, context: HandlerContext) => AlibabaIdleTenderPrePayActionResponse | Promise<AlibabaIdleTenderPrePayActionResponse>;
    /**
     * 三方支付接口 — Third-party payment at an offline gym POS
     *
     * 新零售线下健身场景三方支付接口
     *
     * Third-party payment for new-retail offline fitness: charges a payment or membership code at a POS. No user session.
     *
     * Handles TOP method `alibaba.alisports.lianbei.xpos.pay`.
     *
     * Receives `AlibabaAlisportsLianbeiXposPayRequest`: the business parameters, already checked against the spec and decoded by the gateway (system parameters and the signature are checked and removed):
     * - `param0`: `QingchengPayReqDTO`, decoded from its JSON text; always present.
     *
     * Returns `AlibabaAlisportsLianbeiXposPayResponse`, the answer inside `alibaba_alisports_lianbei_xpos_pay_response` (or a promise of it). The gateway adds the envelope and `request_id`, writes JSON or XML as the caller asked (lists wrapped in their item elements), and answers 15 `isp.invalid-response` instead when the answer does not fit the spec.
     *
     * Answered by the gateway without calling this handler: a missing or invalid system parameter or signature, a missing required parameter (40 `isv.missing-parameter:<path>`) and a parameter that breaks its type or constraints (41 `isv.invalid-parameter:<path>`).
     * Decided by this handler: to refuse the call, throw `GatewayError(code, subCode, subMsg)` (TOP's APIs use 15 or 50 with an `isv.` sub_code when the caller must change the request, `isp.` when a later retry may succeed); anything else it throws is answered 15 `isp.service-error` and reported to `onHandlerError`.
     *
     * Idempotency key: `param0.request_id` (`context.idempotencyKey`). The gateway runs this handler once per app key and key value (while the outcome is kept, `idempotencyTtlMs`, default 24 h): a retry with the same key and parameters gets the recorded outcome, error answers included, without calling it again; the same key with other parameters is answered 41 `isv.idempotency-conflict:<path>`, a blank key 41 too. A caller that waits longer than `handlerTimeoutMs` is answered 15 `isp.handler-timeout` while the handler runs on; its outcome is still recorded and replayed. Throw `NothingChangedError` only when nothing was done: it releases the key, so a retry runs the handler again.
     * Needs no user session: `context.user` is undefined.
     */
    alibabaAlisportsLianbeiXposPay?: (params: AlibabaAlisportsLianbeiXposPayRequest, context: HandlerContext) => AlibabaAlisportsLianbeiXposPayResponse | Promise<AlibabaAlisportsLianbeiXposPayResponse>;
}
export interface GatewayOptions extends Omit<GatewayCoreOptions, 'operations' | 'handlers'> {
    handlers: Handlers;
}
export type Gateway = RequestListener & {
    /** The transport-free core both adapters share. */
    core: GatewayCore;
    /** The same gateway as a fastify plugin: `app.register(gateway.fastifyPlugin)`. */
    fastifyPlugin: ReturnType<typeof topGatewayPlugin>;
};
/**
 * A TOP gateway for Taobao Open Platform payment APIs (spec 1.0.0): `http.createServer(createGateway({...}))`.
 * It checks every system parameter and the signature, validates the business
 * parameters, replays idempotent retries and answers in TOP's JSON or XML envelopes;
 * an API without a handler answers code 22 (Invalid Method).
 */
export declare function createGateway(options: GatewayOptions): Gateway;
