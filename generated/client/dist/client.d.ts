import type { TopMethod, TopMethods, AlibabaCloudgameTradeplatformPayorderRequest, AlibabaCloudgameTradeplatformPayorderResponse, GameVirtualOrderCreateRequest, GameVirtualOrderCreateResponse, AlibabaDiantaoTripartiteRightPayNotifyRequest, AlibabaDiantaoTripartiteRightPayNotifyResponse, AlibabaIdleTenderPrePayActionRequest, AlibabaIdleTenderPrePayActionResponse, AlibabaAlisportsLianbeiXposPayRequest, AlibabaAlisportsLianbeiXposPayResponse } from './schemas.ts';
import { type CallOptions, type TopClientOptions } from './runtime/client/client-core.ts';
/**
 * A typed client for Taobao Open Platform payment APIs (spec 1.0.0): validates, encodes, signs
 * and sends each call to the TOP gateway, and decodes the answer with int64
 * fields as bigint.
 */
export declare class TopClient {
    #private;
    constructor(options: TopClientOptions);
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
    alibabaCloudgameTradeplatformPayorder(params: AlibabaCloudgameTradeplatformPayorderRequest, options?: CallOptions): Promise<AlibabaCloudgameTradeplatformPayorderResponse>;
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
    taobaoGameVirtualOrderCreate(params: GameVirtualOrderCreateRequest, options?: CallOptions): Promise<GameVirtualOrderCreateResponse>;
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
    alibabaDiantaoTripartiteRightPayNotify(params: AlibabaDiantaoTripartiteRightPayNotifyRequest, options?: CallOptions): Promise<AlibabaDiantaoTripartiteRightPayNotifyResponse>;
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
    alibabaIdleTenderPrePayAction(params: AlibabaIdleTenderPrePayActionRequest, options?: CallOptions): Promise<AlibabaIdleTenderPrePayActionResponse>;
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
    alibabaAlisportsLianbeiXposPay(params: AlibabaAlisportsLianbeiXposPayRequest, options?: CallOptions): Promise<AlibabaAlisportsLianbeiXposPayResponse>;
    /** Calls any of the APIs by its TOP method name. */
    call<M extends TopMethod>(method: M, params: TopMethods[M]['request'], options?: CallOptions): Promise<TopMethods[M]['response']>;
    /** The exact query string and body a call would send, without sending it (for logs, tests and curl). */
    prepare<M extends TopMethod>(method: M, params: TopMethods[M]['request'], options?: CallOptions): {
        query: string;
        body: string;
    };
    /** `prepare` on every runtime: on Workers and in browsers hmac-sha256 signs only asynchronously (WebCrypto). */
    prepareAsync<M extends TopMethod>(method: M, params: TopMethods[M]['request'], options?: CallOptions): Promise<{
        query: string;
        body: string;
    }>;
    /** Closes idle keep-alive connections. */
    close(): void;
}
