import type { components } from './types.ts';
/**
 * 三方支付接口的请求参数
 * The business parameters of `alibaba.alisports.lianbei.xpos.pay`.
 */
export type AlibabaAlisportsLianbeiXposPayRequest = components['schemas']['AlibabaAlisportsLianbeiXposPayRequest'];
/**
 * 三方支付接口的返回
 * The answer of `alibaba.alisports.lianbei.xpos.pay`, inside its `_response` root.
 */
export type AlibabaAlisportsLianbeiXposPayResponse = components['schemas']['AlibabaAlisportsLianbeiXposPayResponse'];
/**
 * 支付发起的请求参数
 * The business parameters of `alibaba.cloudgame.tradeplatform.payorder`.
 */
export type AlibabaCloudgameTradeplatformPayorderRequest = components['schemas']['AlibabaCloudgameTradeplatformPayorderRequest'];
/**
 * 支付发起的返回
 * The answer of `alibaba.cloudgame.tradeplatform.payorder`, inside its `_response` root. A business failure comes here too, with `result_success: false` and `error` set.
 */
export type AlibabaCloudgameTradeplatformPayorderResponse = components['schemas']['AlibabaCloudgameTradeplatformPayorderResponse'];
/**
 * 三方权益支付成功通知的请求参数
 * The business parameters of `alibaba.diantao.tripartite.right.pay.notify`.
 */
export type AlibabaDiantaoTripartiteRightPayNotifyRequest = components['schemas']['AlibabaDiantaoTripartiteRightPayNotifyRequest'];
/**
 * 三方权益支付成功通知的返回
 * The answer of `alibaba.diantao.tripartite.right.pay.notify`, inside its `_response` root.
 */
export type AlibabaDiantaoTripartiteRightPayNotifyResponse = components['schemas']['AlibabaDiantaoTripartiteRightPayNotifyResponse'];
/**
 * 服务商预付款完成接口的请求参数
 * The business parameters of `alibaba.idle.tender.pre.pay.action`.
 */
export type AlibabaIdleTenderPrePayActionRequest = components['schemas']['AlibabaIdleTenderPrePayActionRequest'];
/**
 * 服务商预付款完成接口的返回
 * The answer of `alibaba.idle.tender.pre.pay.action`, inside its `_response` root.
 */
export type AlibabaIdleTenderPrePayActionResponse = components['schemas']['AlibabaIdleTenderPrePayActionResponse'];
/**
 * 错误
 * Error: its code (`error_code`), the system it came from (`location`) and an explanation (`message`).
 */
export type CommonError = components['schemas']['CommonError'];
/**
 * 结果
 * Result: the prepayment (`data`) and whether the request succeeded (`success`, else `error_code` and `error_msg`).
 */
export type CommonResult = components['schemas']['CommonResult'];
/**
 * 错误码
 * Error code.
 */
export type ErrorCode = components['schemas']['ErrorCode'];
/**
 * 业务返回结果对象
 * The business result: the order placed (its Taobao and Alipay order numbers) and the result code.
 */
export type GameVirtualCreateOrderResponse = components['schemas']['GameVirtualCreateOrderResponse'];
/**
 * 虚拟充值能力外放下单接口的请求参数
 * The business parameters of `taobao.game.virtual.order.create`, each a form field of its own (no DTO).
 */
export type GameVirtualOrderCreateRequest = components['schemas']['GameVirtualOrderCreateRequest'];
/**
 * 虚拟充值能力外放下单接口的返回
 * The answer of `taobao.game.virtual.order.create`, inside its `game_virtual_order_create_response` root (`taobao.` is dropped from the root name).
 */
export type GameVirtualOrderCreateResponse = components['schemas']['GameVirtualOrderCreateResponse'];
/**
 * 请求入参
 * The payment to initiate (request input).
 */
export type PayOrderRequest = components['schemas']['PayOrderRequest'];
/**
 * 返回结果
 * The result.
 */
export type PayOrderResponse = components['schemas']['PayOrderResponse'];
/**
 * 入参
 * Input.
 */
export type QingchengPayReqDTO = components['schemas']['QingchengPayReqDTO'];
/**
 * 业务返回结果
 * The business result of the payment.
 */
export type QingchengPayRespDTO = components['schemas']['QingchengPayRespDTO'];
/**
 * 返回结果
 * The result: the payment itself (`model`) beside the call's own status (`http_status_code`, `msg_code`, `msg_info`, `success`).
 */
export type QingchengXPosResult = components['schemas']['QingchengXPosResult'];
/**
 * 退订的订购
 * A subscription to refund.
 */
export type RefundSubscribeRequest = components['schemas']['RefundSubscribeRequest'];
/**
 * 请求参数
 * Request parameters.
 */
export type TenderPrePayCmd = components['schemas']['TenderPrePayCmd'];
/**
 * 返回结果对象
 * The returned result object.
 */
export type TenderPrepayTopResult = components['schemas']['TenderPrepayTopResult'];
/**
 * 支付通知请求
 * The payment notification. The parameter itself is optional, but when it is sent `source` and `outer_order_id` are required inside it.
 */
export type TripartitePayNotifyDTO = components['schemas']['TripartitePayNotifyDTO'];
/**
 * 返回结果
 * The result.
 */
export type TripartitePayNotifyRespDTO = components['schemas']['TripartitePayNotifyRespDTO'];
/**
 * 结果对象
 * Result object: the business result (`model`) and the call's result code and message.
 */
export type VirtualTopResult = components['schemas']['VirtualTopResult'];
/** Request and answer types of every API, by TOP method name. */
export interface TopMethods {
    'alibaba.cloudgame.tradeplatform.payorder': {
        request: AlibabaCloudgameTradeplatformPayorderRequest;
        response: AlibabaCloudgameTradeplatformPayorderResponse;
    };
    'taobao.game.virtual.order.create': {
        request: GameVirtualOrderCreateRequest;
        response: GameVirtualOrderCreateResponse;
    };
    'alibaba.diantao.tripartite.right.pay.notify': {
        request: AlibabaDiantaoTripartiteRightPayNotifyRequest;
        response: AlibabaDiantaoTripartiteRightPayNotifyResponse;
    };
    'alibaba.idle.tender.pre.pay.action': {
        request: AlibabaIdleTenderPrePayActionRequest;
        response: AlibabaIdleTenderPrePayActionResponse;
    };
    'alibaba.alisports.lianbei.xpos.pay': {
        request: AlibabaAlisportsLianbeiXposPayRequest;
        response: AlibabaAlisportsLianbeiXposPayResponse;
    };
}
export type TopMethod = keyof TopMethods;
