import type { OperationDescriptor } from './runtime/common/operation.ts';
import type { Shape } from './runtime/common/shape.ts';
export declare const QingchengPayReqDTO: Shape;
export declare const AlibabaAlisportsLianbeiXposPayRequest: Shape;
export declare const QingchengPayRespDTO: Shape;
export declare const QingchengXPosResult: Shape;
export declare const AlibabaAlisportsLianbeiXposPayResponse: Shape;
export declare const RefundSubscribeRequest: Shape;
export declare const PayOrderRequest: Shape;
export declare const AlibabaCloudgameTradeplatformPayorderRequest: Shape;
export declare const ErrorCode: Shape;
export declare const CommonError: Shape;
export declare const PayOrderResponse: Shape;
export declare const AlibabaCloudgameTradeplatformPayorderResponse: Shape;
export declare const TripartitePayNotifyDTO: Shape;
export declare const AlibabaDiantaoTripartiteRightPayNotifyRequest: Shape;
export declare const TripartitePayNotifyRespDTO: Shape;
export declare const AlibabaDiantaoTripartiteRightPayNotifyResponse: Shape;
export declare const TenderPrePayCmd: Shape;
export declare const AlibabaIdleTenderPrePayActionRequest: Shape;
export declare const TenderPrepayTopResult: Shape;
export declare const CommonResult: Shape;
export declare const AlibabaIdleTenderPrePayActionResponse: Shape;
export declare const GameVirtualCreateOrderResponse: Shape;
export declare const GameVirtualOrderCreateRequest: Shape;
export declare const VirtualTopResult: Shape;
export declare const GameVirtualOrderCreateResponse: Shape;
/** Every operation of the spec by operationId (a type alias: it must fit Record<string, OperationDescriptor>). */
export type Operations = {
    readonly alibabaCloudgameTradeplatformPayorder: OperationDescriptor;
    readonly taobaoGameVirtualOrderCreate: OperationDescriptor;
    readonly alibabaDiantaoTripartiteRightPayNotify: OperationDescriptor;
    readonly alibabaIdleTenderPrePayAction: OperationDescriptor;
    readonly alibabaAlisportsLianbeiXposPay: OperationDescriptor;
};
export declare const operations: Operations;
export type OperationId = keyof Operations;
/** Each operation by its TOP method name. */
export declare const operationsByMethod: Readonly<Record<string, OperationDescriptor>>;
