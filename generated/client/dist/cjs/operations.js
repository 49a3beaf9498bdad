"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.operationsByMethod = exports.operations = exports.GameVirtualOrderCreateResponse = exports.VirtualTopResult = exports.GameVirtualOrderCreateRequest = exports.GameVirtualCreateOrderResponse = exports.AlibabaIdleTenderPrePayActionResponse = exports.CommonResult = exports.TenderPrepayTopResult = exports.AlibabaIdleTenderPrePayActionRequest = exports.TenderPrePayCmd = exports.AlibabaDiantaoTripartiteRightPayNotifyResponse = exports.TripartitePayNotifyRespDTO = exports.AlibabaDiantaoTripartiteRightPayNotifyRequest = exports.TripartitePayNotifyDTO = exports.AlibabaCloudgameTradeplatformPayorderResponse = exports.PayOrderResponse = exports.CommonError = exports.ErrorCode = exports.AlibabaCloudgameTradeplatformPayorderRequest = exports.PayOrderRequest = exports.RefundSubscribeRequest = exports.AlibabaAlisportsLianbeiXposPayResponse = exports.QingchengXPosResult = exports.QingchengPayRespDTO = exports.AlibabaAlisportsLianbeiXposPayRequest = exports.QingchengPayReqDTO = void 0;
const validators = __importStar(require("./validators.js"));
const string = { type: 'string' };
const boolean = { type: 'boolean' };
const int64 = { type: 'int64' };
exports.QingchengPayReqDTO = { type: 'object', name: 'QingchengPayReqDTO', fields: { nego_price: string, qr_code: string, request_id: string, machine_id: string, out_biz_id: string, item_id: int64, cashier_name: string, cashier_id: string, store_id: string } };
exports.AlibabaAlisportsLianbeiXposPayRequest = { type: 'object', name: 'AlibabaAlisportsLianbeiXposPayRequest', fields: { param0: exports.QingchengPayReqDTO } };
exports.QingchengPayRespDTO = { type: 'object', name: 'QingchengPayRespDTO', fields: { checkout_id: string, biz_order_id: int64, success: boolean, current_pay_fee: int64, payment_order_id: string, result_status: int64, buyer_id: int64 } };
exports.QingchengXPosResult = { type: 'object', name: 'QingchengXPosResult', fields: { model: exports.QingchengPayRespDTO, http_status_code: int64, msg_code: string, msg_info: string, success: boolean } };
exports.AlibabaAlisportsLianbeiXposPayResponse = { type: 'object', name: 'AlibabaAlisportsLianbeiXposPayResponse', fields: { result: exports.QingchengXPosResult, request_id: string } };
exports.RefundSubscribeRequest = { type: 'object', name: 'RefundSubscribeRequest', fields: { subscribe_id: string, refund_amount: int64 } };
exports.PayOrderRequest = { type: 'object', name: 'PayOrderRequest', fields: { charge_item_code: string, order_id: string, category_code: string, refund_subscribe_list: { type: 'array', items: exports.RefundSubscribeRequest }, user_country: string, balance_pay_amount: int64, pay_amount: int64, tenant_id: int64, commodity_code: string, pay_start_time: int64, currency: string, pay_idempotent_code: string, huijin_account_id: int64, pay_serial_id: string, credit_pay_amount: int64, credit_account_id: int64 } };
exports.AlibabaCloudgameTradeplatformPayorderRequest = { type: 'object', name: 'AlibabaCloudgameTradeplatformPayorderRequest', fields: { request_param: exports.PayOrderRequest } };
exports.ErrorCode = { type: 'object', name: 'ErrorCode', fields: { code: string, prefix: string } };
exports.CommonError = { type: 'object', name: 'CommonError', fields: { error_code: exports.ErrorCode, location: string, message: string } };
exports.PayOrderResponse = { type: 'object', name: 'PayOrderResponse', fields: { pay_status: string, pay_url: string } };
exports.AlibabaCloudgameTradeplatformPayorderResponse = { type: 'object', name: 'AlibabaCloudgameTradeplatformPayorderResponse', fields: { result_success: boolean, error: exports.CommonError, value: exports.PayOrderResponse, request_id: string } };
exports.TripartitePayNotifyDTO = { type: 'object', name: 'TripartitePayNotifyDTO', fields: { extend: string, biz: string, amount: int64, phone_number: string, pay_time: int64, right_code: string, idempotent_id: string, biz_scene: string, title: string, channel_id: int64, source: string, outer_order_id: string } };
exports.AlibabaDiantaoTripartiteRightPayNotifyRequest = { type: 'object', name: 'AlibabaDiantaoTripartiteRightPayNotifyRequest', fields: { tripartite_pay_notify_dto: exports.TripartitePayNotifyDTO } };
exports.TripartitePayNotifyRespDTO = { type: 'object', name: 'TripartitePayNotifyRespDTO', fields: { open_id: string, order_id: string } };
exports.AlibabaDiantaoTripartiteRightPayNotifyResponse = { type: 'object', name: 'AlibabaDiantaoTripartiteRightPayNotifyResponse', fields: { msg_info: string, msg_code: string, succ: boolean, data: exports.TripartitePayNotifyRespDTO, request_id: string } };
exports.TenderPrePayCmd = { type: 'object', name: 'TenderPrePayCmd', fields: { order_id: string, pre_pay_no: string, pre_pay_action: int64 } };
exports.AlibabaIdleTenderPrePayActionRequest = { type: 'object', name: 'AlibabaIdleTenderPrePayActionRequest', fields: { param0: exports.TenderPrePayCmd } };
exports.TenderPrepayTopResult = { type: 'object', name: 'TenderPrepayTopResult', fields: { order_id: string, pre_pay_amount: int64, pre_pay_no: string, pre_pay_status: string, pre_pay_action: int64, app_key: string, request_id: string } };
exports.CommonResult = { type: 'object', name: 'CommonResult', fields: { data: exports.TenderPrepayTopResult, success: boolean, error_code: string, error_msg: string } };
exports.AlibabaIdleTenderPrePayActionResponse = { type: 'object', name: 'AlibabaIdleTenderPrePayActionResponse', fields: { result: exports.CommonResult, request_id: string } };
exports.GameVirtualCreateOrderResponse = { type: 'object', name: 'GameVirtualCreateOrderResponse', fields: { result_message: string, result_code: string, alipay_order_id: string, tb_order_id: string, out_order_id: string } };
exports.GameVirtualOrderCreateRequest = { type: 'object', name: 'GameVirtualOrderCreateRequest', fields: { ext: string, biz_code: string, picture_url: string, item_name: string, pay_price: int64, account: string, seller_id: int64, out_order_id: string } };
exports.VirtualTopResult = { type: 'object', name: 'VirtualTopResult', fields: { model: exports.GameVirtualCreateOrderResponse, message: string, code: string } };
exports.GameVirtualOrderCreateResponse = { type: 'object', name: 'GameVirtualOrderCreateResponse', fields: { result: exports.VirtualTopResult, request_id: string } };
exports.operations = {
    alibabaCloudgameTradeplatformPayorder: {
        operationId: 'alibabaCloudgameTradeplatformPayorder',
        method: 'alibaba.cloudgame.tradeplatform.payorder',
        responseRoot: 'alibaba_cloudgame_tradeplatform_payorder_response',
        session: false,
        idempotencyKey: ["request_param.pay_idempotent_code"],
        query: false,
        multipart: false,
        params: {
            request_param: { shape: exports.PayOrderRequest, required: true, encoding: "json" },
        },
        response: exports.AlibabaCloudgameTradeplatformPayorderResponse,
        validateRequest: validators.validateRequest_alibabaCloudgameTradeplatformPayorder,
        validateResponse: validators.validateResponse_alibabaCloudgameTradeplatformPayorder,
    },
    taobaoGameVirtualOrderCreate: {
        operationId: 'taobaoGameVirtualOrderCreate',
        method: 'taobao.game.virtual.order.create',
        responseRoot: 'game_virtual_order_create_response',
        session: true,
        idempotencyKey: ["out_order_id"],
        query: false,
        multipart: false,
        params: {
            ext: { shape: string, required: false, encoding: "text" },
            biz_code: { shape: string, required: true, encoding: "text" },
            picture_url: { shape: string, required: true, encoding: "text" },
            item_name: { shape: string, required: true, encoding: "text" },
            pay_price: { shape: int64, required: true, encoding: "text" },
            account: { shape: string, required: true, encoding: "text" },
            seller_id: { shape: int64, required: true, encoding: "text" },
            out_order_id: { shape: string, required: true, encoding: "text" },
        },
        response: exports.GameVirtualOrderCreateResponse,
        validateRequest: validators.validateRequest_taobaoGameVirtualOrderCreate,
        validateResponse: validators.validateResponse_taobaoGameVirtualOrderCreate,
    },
    alibabaDiantaoTripartiteRightPayNotify: {
        operationId: 'alibabaDiantaoTripartiteRightPayNotify',
        method: 'alibaba.diantao.tripartite.right.pay.notify',
        responseRoot: 'alibaba_diantao_tripartite_right_pay_notify_response',
        session: false,
        idempotencyKey: ["tripartite_pay_notify_dto.idempotent_id", "tripartite_pay_notify_dto.outer_order_id"],
        query: false,
        multipart: false,
        params: {
            tripartite_pay_notify_dto: { shape: exports.TripartitePayNotifyDTO, required: false, encoding: "json" },
        },
        response: exports.AlibabaDiantaoTripartiteRightPayNotifyResponse,
        validateRequest: validators.validateRequest_alibabaDiantaoTripartiteRightPayNotify,
        validateResponse: validators.validateResponse_alibabaDiantaoTripartiteRightPayNotify,
    },
    alibabaIdleTenderPrePayAction: {
        operationId: 'alibabaIdleTenderPrePayAction',
        method: 'alibaba.idle.tender.pre.pay.action',
        responseRoot: 'alibaba_idle_tender_pre_pay_action_response',
        session: true,
        idempotencyKey: ["param0.pre_pay_no"],
        query: false,
        multipart: false,
        params: {
            param0: { shape: exports.TenderPrePayCmd, required: true, encoding: "json" },
        },
        response: exports.AlibabaIdleTenderPrePayActionResponse,
        validateRequest: validators.validateRequest_alibabaIdleTenderPrePayAction,
        validateResponse: validators.validateResponse_alibabaIdleTenderPrePayAction,
    },
    alibabaAlisportsLianbeiXposPay: {
        operationId: 'alibabaAlisportsLianbeiXposPay',
        method: 'alibaba.alisports.lianbei.xpos.pay',
        responseRoot: 'alibaba_alisports_lianbei_xpos_pay_response',
        session: false,
        idempotencyKey: ["param0.request_id"],
        query: false,
        multipart: false,
        params: {
            param0: { shape: exports.QingchengPayReqDTO, required: true, encoding: "json" },
        },
        response: exports.AlibabaAlisportsLianbeiXposPayResponse,
        validateRequest: validators.validateRequest_alibabaAlisportsLianbeiXposPay,
        validateResponse: validators.validateResponse_alibabaAlisportsLianbeiXposPay,
    },
};
/** Each operation by its TOP method name. */
exports.operationsByMethod = Object.freeze({
    'alibaba.cloudgame.tradeplatform.payorder': exports.operations.alibabaCloudgameTradeplatformPayorder,
    'taobao.game.virtual.order.create': exports.operations.taobaoGameVirtualOrderCreate,
    'alibaba.diantao.tripartite.right.pay.notify': exports.operations.alibabaDiantaoTripartiteRightPayNotify,
    'alibaba.idle.tender.pre.pay.action': exports.operations.alibabaIdleTenderPrePayAction,
    'alibaba.alisports.lianbei.xpos.pay': exports.operations.alibabaAlisportsLianbeiXposPay,
});
