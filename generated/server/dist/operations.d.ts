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
export declare const operations: {
    readonly alibabaCloudgameTradeplatformPayorder: {
        readonly operationId: "alibabaCloudgameTradeplatformPayorder";
        readonly method: "alibaba.cloudgame.tradeplatform.payorder";
        readonly responseRoot: "alibaba_cloudgame_tradeplatform_payorder_response";
        readonly session: false;
        readonly idempotencyKey: readonly ["request_param.pay_idempotent_code"];
        readonly params: {
            readonly request_param: {
                readonly shape: {
                    readonly type: "object";
                    readonly name?: string;
                    readonly fields: Readonly<Record<string, Shape>>;
                };
                readonly required: true;
            };
        };
        readonly response: {
            readonly type: "object";
            readonly name?: string;
            readonly fields: Readonly<Record<string, Shape>>;
        };
        readonly validateRequest: import("./runtime/common/validation.ts").CompiledValidator;
        readonly validateResponse: import("./runtime/common/validation.ts").CompiledValidator;
    };
    readonly taobaoGameVirtualOrderCreate: {
        readonly operationId: "taobaoGameVirtualOrderCreate";
        readonly method: "taobao.game.virtual.order.create";
        readonly responseRoot: "game_virtual_order_create_response";
        readonly session: true;
        readonly idempotencyKey: readonly ["out_order_id"];
        readonly params: {
            readonly ext: {
                readonly shape: {
                    readonly type: "string";
                };
                readonly required: false;
            };
            readonly biz_code: {
                readonly shape: {
                    readonly type: "string";
                };
                readonly required: true;
            };
            readonly picture_url: {
                readonly shape: {
                    readonly type: "string";
                };
                readonly required: true;
            };
            readonly item_name: {
                readonly shape: {
                    readonly type: "string";
                };
                readonly required: true;
            };
            readonly pay_price: {
                readonly shape: {
                    readonly type: "int64";
                };
                readonly required: true;
            };
            readonly account: {
                readonly shape: {
                    readonly type: "string";
                };
                readonly required: true;
            };
            readonly seller_id: {
                readonly shape: {
                    readonly type: "int64";
                };
                readonly required: true;
            };
            readonly out_order_id: {
                readonly shape: {
                    readonly type: "string";
                };
                readonly required: true;
            };
        };
        readonly response: {
            readonly type: "object";
            readonly name?: string;
            readonly fields: Readonly<Record<string, Shape>>;
        };
        readonly validateRequest: import("./runtime/common/validation.ts").CompiledValidator;
        readonly validateResponse: import("./runtime/common/validation.ts").CompiledValidator;
    };
    readonly alibabaDiantaoTripartiteRightPayNotify: {
        readonly operationId: "alibabaDiantaoTripartiteRightPayNotify";
        readonly method: "alibaba.diantao.tripartite.right.pay.notify";
        readonly responseRoot: "alibaba_diantao_tripartite_right_pay_notify_response";
        readonly session: false;
        readonly idempotencyKey: readonly ["tripartite_pay_notify_dto.idempotent_id", "tripartite_pay_notify_dto.outer_order_id"];
        readonly params: {
            readonly tripartite_pay_notify_dto: {
                readonly shape: {
                    readonly type: "object";
                    readonly name?: string;
                    readonly fields: Readonly<Record<string, Shape>>;
                };
                readonly required: false;
            };
        };
        readonly response: {
            readonly type: "object";
            readonly name?: string;
            readonly fields: Readonly<Record<string, Shape>>;
        };
        readonly validateRequest: import("./runtime/common/validation.ts").CompiledValidator;
        readonly validateResponse: import("./runtime/common/validation.ts").CompiledValidator;
    };
    readonly alibabaIdleTenderPrePayAction: {
        readonly operationId: "alibabaIdleTenderPrePayAction";
        readonly method: "alibaba.idle.tender.pre.pay.action";
        readonly responseRoot: "alibaba_idle_tender_pre_pay_action_response";
        readonly session: true;
        readonly idempotencyKey: readonly ["param0.pre_pay_no"];
        readonly params: {
            readonly param0: {
                readonly shape: {
                    readonly type: "object";
                    readonly name?: string;
                    readonly fields: Readonly<Record<string, Shape>>;
                };
                readonly required: true;
            };
        };
        readonly response: {
            readonly type: "object";
            readonly name?: string;
            readonly fields: Readonly<Record<string, Shape>>;
        };
        readonly validateRequest: import("./runtime/common/validation.ts").CompiledValidator;
        readonly validateResponse: import("./runtime/common/validation.ts").CompiledValidator;
    };
    readonly alibabaAlisportsLianbeiXposPay: {
        readonly operationId: "alibabaAlisportsLianbeiXposPay";
        readonly method: "alibaba.alisports.lianbei.xpos.pay";
        readonly responseRoot: "alibaba_alisports_lianbei_xpos_pay_response";
        readonly session: false;
        readonly idempotencyKey: readonly ["param0.request_id"];
        readonly params: {
            readonly param0: {
                readonly shape: {
                    readonly type: "object";
                    readonly name?: string;
                    readonly fields: Readonly<Record<string, Shape>>;
                };
                readonly required: true;
            };
        };
        readonly response: {
            readonly type: "object";
            readonly name?: string;
            readonly fields: Readonly<Record<string, Shape>>;
        };
        readonly validateRequest: import("./runtime/common/validation.ts").CompiledValidator;
        readonly validateResponse: import("./runtime/common/validation.ts").CompiledValidator;
    };
};
export type OperationId = keyof typeof operations;
/** Each operation by its TOP method name. */
export declare const operationsByMethod: Readonly<Record<string, OperationDescriptor>>;
