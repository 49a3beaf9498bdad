import type { AlibabaCloudgameTradeplatformPayorderRequest, AlibabaCloudgameTradeplatformPayorderResponse, GameVirtualOrderCreateRequest, GameVirtualOrderCreateResponse, AlibabaDiantaoTripartiteRightPayNotifyRequest, AlibabaDiantaoTripartiteRightPayNotifyResponse, AlibabaIdleTenderPrePayActionRequest, AlibabaIdleTenderPrePayActionResponse, AlibabaAlisportsLianbeiXposPayRequest, AlibabaAlisportsLianbeiXposPayResponse } from './schemas.ts';
import { GatewayCore, type GatewayCoreOptions, type HandlerContext } from './runtime/server/gateway-core.ts';
import { type RequestListener } from './runtime/server/node-listener.ts';
import { topGatewayPlugin } from './runtime/server/fastify-plugin.ts';
/** A handler per API: it gets validated business parameters (int64 as bigint) and returns the answer inside the root. */
export interface Handlers {
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
    alibabaCloudgameTradeplatformPayorder?: (params: AlibabaCloudgameTradeplatformPayorderRequest, context: HandlerContext) => AlibabaCloudgameTradeplatformPayorderResponse | Promise<AlibabaCloudgameTradeplatformPayorderResponse>;
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
    taobaoGameVirtualOrderCreate?: (params: GameVirtualOrderCreateRequest, context: HandlerContext) => GameVirtualOrderCreateResponse | Promise<GameVirtualOrderCreateResponse>;
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
    alibabaDiantaoTripartiteRightPayNotify?: (params: AlibabaDiantaoTripartiteRightPayNotifyRequest, context: HandlerContext) => AlibabaDiantaoTripartiteRightPayNotifyResponse | Promise<AlibabaDiantaoTripartiteRightPayNotifyResponse>;
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
    alibabaIdleTenderPrePayAction?: (params: AlibabaIdleTenderPrePayActionRequest, context: HandlerContext) => AlibabaIdleTenderPrePayActionResponse | Promise<AlibabaIdleTenderPrePayActionResponse>;
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
