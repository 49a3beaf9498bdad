export interface paths {
    "/router/rest#alibaba.cloudgame.tradeplatform.payorder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 支付发起 (Initiate a payment)
         * @description 支付发起
         *
         *     Initiates a cloud-gaming payment. No user session: the app's own signature authorises it.
         */
        post: operations["alibabaCloudgameTradeplatformPayorder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/router/rest#taobao.game.virtual.order.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 虚拟充值能力外放下单接口 (Place a virtual top-up order)
         * @description 虚拟充值能力外放下单接口
         *
         *     Places an order for a virtual top-up (fuel, for example) on behalf of a user. Needs the user's session.
         */
        post: operations["taobaoGameVirtualOrderCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/router/rest#alibaba.diantao.tripartite.right.pay.notify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 三方权益支付成功通知 (Notify a successful third-party benefit payment)
         * @description 三方权益支付成功通知
         *
         *     Tells Diantao that a third party's benefit (a data package, say) was paid for. No user session.
         */
        post: operations["alibabaDiantaoTripartiteRightPayNotify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/router/rest#alibaba.idle.tender.pre.pay.action": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 服务商预付款完成接口 (Complete a service provider's prepayment)
         * @description 服务商预付款完成接口
         *
         *     Completes (pays) a service provider's prepayment on a Xianyu tender order. Needs the user's session.
         */
        post: operations["alibabaIdleTenderPrePayAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/router/rest#alibaba.alisports.lianbei.xpos.pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 三方支付接口 (Third-party payment at an offline gym POS)
         * @description 新零售线下健身场景三方支付接口
         *
         *     Third-party payment for new-retail offline fitness: charges a payment or membership code at a POS. No user session.
         */
        post: operations["alibabaAlisportsLianbeiXposPay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * RefundSubscribeRequest
         * @description 退订的订购
         *
         *     A subscription to refund.
         */
        RefundSubscribeRequest: {
            /**
             * @description 订购ID
             *
             *     Subscription ID.
             * @example 1
             */
            subscribe_id?: string;
            /**
             * Format: int64
             * @description 订购退款金额
             *
             *     Amount refunded for the subscription.
             * @example 1
             */
            refund_amount?: bigint;
        };
        /**
         * PayOrderRequest
         * @description 请求入参
         *
         *     The payment to initiate (request input).
         */
        PayOrderRequest: {
            /**
             * @description 计费项编码
             *
             *     Charge item code.
             * @example 1
             */
            charge_item_code: string;
            /**
             * @description 订单ID
             *
             *     Order ID.
             * @example 1
             */
            order_id: string;
            /**
             * @description 类目编码
             *
             *     Category code.
             * @example 1
             */
            category_code: string;
            /**
             * @description 退订的订购集合
             *
             *     The subscriptions to refund, each with the amount refunded for it.
             * @example [
             *       {
             *         "subscribe_id": "1",
             *         "refund_amount": 1
             *       }
             *     ]
             */
            refund_subscribe_list?: components["schemas"]["RefundSubscribeRequest"][];
            /**
             * @description 国家
             *
             *     Country.
             * @example CHINA
             */
            user_country: string;
            /**
             * Format: int64
             * @description 余额支付金额
             *
             *     Amount paid from the balance.
             * @example 1
             */
            balance_pay_amount: bigint;
            /**
             * Format: int64
             * @deprecated
             * @description 应付金额(废弃)
             *
             *     Amount payable (deprecated).
             * @example 1
             */
            pay_amount?: bigint;
            /**
             * Format: int64
             * @description 租户ID
             *
             *     Tenant ID.
             * @example 1
             */
            tenant_id: bigint;
            /**
             * @description 商品Code
             *
             *     Commodity code.
             * @example 1
             */
            commodity_code: string;
            /**
             * Format: int64
             * @description 支付开始时间
             *
             *     Time the payment started.
             * @example 1
             */
            pay_start_time: bigint;
            /**
             * @description 币种
             *
             *     Currency.
             * @example CNY
             */
            currency: string;
            /**
             * @description 支付幂等号
             *
             *     Payment idempotency code: the API's idempotency key, so a retry must carry the same value.
             * @example 1
             */
            pay_idempotent_code: string;
            /**
             * Format: int64
             * @description 汇金账户ID
             *
             *     Huijin account ID.
             * @example 1
             */
            huijin_account_id?: bigint;
            /**
             * @description 支付流水号
             *
             *     Payment serial number.
             * @example 1
             */
            pay_serial_id: string;
            /**
             * Format: int64
             * @description 信控支付金额
             *
             *     Amount paid on credit.
             * @example 1
             */
            credit_pay_amount?: bigint;
            /**
             * Format: int64
             * @description 信控账户ID
             *
             *     Credit account ID.
             * @example 1
             */
            credit_account_id?: bigint;
        };
        /**
         * AlibabaCloudgameTradeplatformPayorderRequest
         * @description 支付发起的请求参数
         *
         *     The business parameters of `alibaba.cloudgame.tradeplatform.payorder`.
         */
        AlibabaCloudgameTradeplatformPayorderRequest: {
            request_param: components["schemas"]["PayOrderRequest"];
        };
        /**
         * ErrorCode
         * @description 错误码
         *
         *     Error code.
         */
        ErrorCode: {
            /**
             * @description 编码
             *
             *     Code.
             * @example 1
             */
            code?: string;
            /**
             * @description 错误码前缀
             *
             *     Error code prefix.
             * @example HP
             */
            prefix?: string;
        };
        /**
         * CommonError
         * @description 错误
         *
         *     Error: its code (`error_code`), the system it came from (`location`) and an explanation (`message`).
         */
        CommonError: {
            error_code?: components["schemas"]["ErrorCode"];
            /**
             * @description 系统名
             *
             *     System name.
             * @example 1
             */
            location?: string;
            /**
             * @description 说明
             *
             *     Explanation.
             * @example 1
             */
            message?: string;
        };
        /**
         * PayOrderResponse
         * @description 返回结果
         *
         *     The result.
         */
        PayOrderResponse: {
            /**
             * @description 支付状态
             *
             *     Payment status.
             * @example PAY_SUCCESS
             */
            pay_status?: string;
            /**
             * @description 支付链接
             *
             *     Payment link.
             * @example 111
             */
            pay_url?: string;
        };
        /**
         * RequestId
         * @description 请求ID
         *
         *     The gateway's id of this request, added to every answer; quote it to TOP support.
         * @example 16sxh5ldx4gr3
         */
        RequestId: string;
        /**
         * AlibabaCloudgameTradeplatformPayorderResponse
         * @description 支付发起的返回
         *
         *     The answer of `alibaba.cloudgame.tradeplatform.payorder`, inside its `_response` root. A business failure comes here too, with `result_success: false` and `error` set.
         */
        AlibabaCloudgameTradeplatformPayorderResponse: {
            /**
             * @description 是否成功
             *
             *     Whether the call succeeded.
             * @example true
             */
            result_success?: boolean;
            error?: components["schemas"]["CommonError"];
            value?: components["schemas"]["PayOrderResponse"];
            request_id?: components["schemas"]["RequestId"];
        };
        /**
         * ErrorResponse
         * @description 异常返回
         *
         *     The platform's failure answer, the alternative answer of every operation (HTTP 200 all the same). Match on `code`: `msg` casing differs between sources.
         */
        ErrorResponse: {
            /**
             * @description 错误信息
             *
             *     The error.
             */
            error_response: {
                /**
                 * Format: int32
                 * @description 错误码
                 *
                 *     The platform error code (a JSON number): 7 rate limited, 15 remote service error, 21-34 system-parameter errors, 40 missing argument, 41 invalid argument, 50 remote service error...
                 * @example 50
                 */
                code: number;
                /**
                 * @description 错误信息
                 *
                 *     The error code's message.
                 * @example Remote service error
                 */
                msg?: string;
                /**
                 * @description 子错误码
                 *
                 *     The detailed code: `isv.*` is the caller's fault (never retry), `isp.*` a platform failure (retry after a while), often `isv.missing-parameter:<name>` or `isv.invalid-parameter:<name>`.
                 * @example isv.invalid-parameter
                 */
                sub_code?: string;
                /**
                 * @description 子错误信息
                 *
                 *     The detailed message.
                 * @example 非法参数
                 */
                sub_msg?: string;
                /**
                 * @description 请求ID
                 *
                 *     The gateway's id of this request; quote it to TOP support.
                 */
                request_id?: string;
            };
        };
        /**
         * XmlAnswer
         * @description XML格式的返回
         *
         *     The answer with `format=xml`: the same tree as the JSON answer, as an XML document whose root element is the response root (or `error_response`).
         */
        XmlAnswer: string;
        /**
         * GameVirtualOrderCreateRequest
         * @description 虚拟充值能力外放下单接口的请求参数
         *
         *     The business parameters of `taobao.game.virtual.order.create`, each a form field of its own (no DTO).
         */
        GameVirtualOrderCreateRequest: {
            /**
             * @description 扩展字段,如油站、油品、油枪号,json格式
             *
             *     Extension: gas station, fuel grade, pump number and the like, as JSON text (a string parameter; the API does not parse it as a DTO).
             * @example {"gasStation":"中国石化加油站(中旅望京站)","octaneRating":"97","oilGunNum":"001"}
             */
            ext?: string;
            /**
             * @description 业务类型,油品:YP
             *
             *     Business type; fuel: `YP`.
             * @example YP
             */
            biz_code: string;
            /**
             * @description 商品图片地址
             *
             *     Item picture URL.
             * @example http://www.pictureurl.com
             */
            picture_url: string;
            /**
             * @description 商品名称
             *
             *     Item name.
             * @example 特惠加油#油站#油品#油枪号
             */
            item_name: string;
            /**
             * Format: int64
             * @description 支付价格,单位分
             *
             *     Price paid, in fen (0.01 CNY).
             * @example 500
             */
            pay_price: bigint;
            /**
             * @description 用户在商家侧账号
             *
             *     The user's account on the merchant's side.
             * @example 13810002001
             */
            account: string;
            /**
             * Format: int64
             * @description 卖家id
             *
             *     Seller ID.
             * @example 123321
             */
            seller_id: bigint;
            /**
             * @description 外部商家订单号
             *
             *     The merchant's own order number: the API's idempotency key, so a retry must carry the same value.
             * @example didi20200305101530
             */
            out_order_id: string;
        };
        /**
         * GameVirtualCreateOrderResponse
         * @description 业务返回结果对象
         *
         *     The business result: the order placed (its Taobao and Alipay order numbers) and the result code.
         */
        GameVirtualCreateOrderResponse: {
            /**
             * @description 业务结果描述
             *
             *     Description of the business result.
             * @example 成功
             */
            result_message?: string;
            /**
             * @description 接口执行结果:0000-成功; 0001-参数不合法;1001-创建淘宝订单失败;
             *
             *     Result: 0000 success; 0001 invalid parameters; 1001 creating the Taobao order failed.
             * @example 0000
             */
            result_code?: string;
            /**
             * @description 支付宝订单号
             *
             *     Alipay order number.
             * @example 123123123123
             */
            alipay_order_id?: string;
            /**
             * @description 淘宝订单号
             *
             *     Taobao order number.
             * @example 123123123
             */
            tb_order_id?: string;
            /**
             * @description 外部流水号
             *
             *     The merchant's serial number (echoes the request's `out_order_id`).
             * @example didi20200305101530
             */
            out_order_id?: string;
        };
        /**
         * VirtualTopResult
         * @description 结果对象
         *
         *     Result object: the business result (`model`) and the call's result code and message.
         */
        VirtualTopResult: {
            model?: components["schemas"]["GameVirtualCreateOrderResponse"];
            /**
             * @description 接口执行结果描述
             *
             *     Description of the call's result.
             * @example 接口处理成功
             */
            message?: string;
            /**
             * @description 接口执行结果码
             *
             *     The call's result code.
             * @example 0000
             */
            code?: string;
        };
        /**
         * GameVirtualOrderCreateResponse
         * @description 虚拟充值能力外放下单接口的返回
         *
         *     The answer of `taobao.game.virtual.order.create`, inside its `game_virtual_order_create_response` root (`taobao.` is dropped from the root name).
         */
        GameVirtualOrderCreateResponse: {
            result?: components["schemas"]["VirtualTopResult"];
            request_id?: components["schemas"]["RequestId"];
        };
        /**
         * TripartitePayNotifyDTO
         * @description 支付通知请求
         *
         *     The payment notification. The parameter itself is optional, but when it is sent `source` and `outer_order_id` are required inside it.
         */
        TripartitePayNotifyDTO: {
            /**
             * @description 扩展信息
             *
             *     Extension information.
             * @example {}
             */
            extend?: string;
            /**
             * @description flowPacket
             *
             *     Business identifier.
             * @example 业务标识
             */
            biz?: string;
            /**
             * Format: int64
             * @description 支付金额
             *
             *     Amount paid.
             * @example 100
             */
            amount?: bigint;
            /**
             * @description 订购手机号
             *
             *     The subscribing phone number.
             * @example 18072887365
             */
            phone_number?: string;
            /**
             * Format: int64
             * @description 支付时间(时间戳)
             *
             *     Time of payment (epoch milliseconds).
             * @example 1661766890994
             */
            pay_time?: bigint;
            /**
             * @description 权益Code
             *
             *     Benefit code.
             * @example flowPacket
             */
            right_code?: string;
            /**
             * @description 幂等Id
             *
             *     Idempotency id: the API's idempotency key (else `outer_order_id`), so a retry must carry the same value.
             * @example 18072887365_11434434554
             */
            idempotent_id?: string;
            /**
             * @description 业务场景
             *
             *     Business scene.
             * @example xx
             */
            biz_scene?: string;
            /**
             * @description 标题
             *
             *     Title.
             * @example 流量包
             */
            title?: string;
            /**
             * Format: int64
             * @description 渠道ID
             *
             *     Channel ID.
             * @example 1234
             */
            channel_id?: bigint;
            /**
             * @description 来源
             *
             *     Source.
             * @example 中国移动
             */
            source: string;
            /**
             * @description 外部订单号
             *
             *     External order number; the idempotency key when `idempotent_id` is absent. Its example is digits but its type is String: keep it a string (it is above 2^53).
             * @example 1057706761588580000
             */
            outer_order_id: string;
        };
        /**
         * AlibabaDiantaoTripartiteRightPayNotifyRequest
         * @description 三方权益支付成功通知的请求参数
         *
         *     The business parameters of `alibaba.diantao.tripartite.right.pay.notify`.
         */
        AlibabaDiantaoTripartiteRightPayNotifyRequest: {
            tripartite_pay_notify_dto?: components["schemas"]["TripartitePayNotifyDTO"];
        };
        /**
         * TripartitePayNotifyRespDTO
         * @description 返回结果
         *
         *     The result.
         */
        TripartitePayNotifyRespDTO: {
            /**
             * @description 用户openId
             *
             *     The user's openId.
             * @example 334556214562145454534
             */
            open_id?: string;
            /**
             * @description 内部订单Id
             *
             *     Internal order id.
             * @example 123656764
             */
            order_id?: string;
        };
        /**
         * AlibabaDiantaoTripartiteRightPayNotifyResponse
         * @description 三方权益支付成功通知的返回
         *
         *     The answer of `alibaba.diantao.tripartite.right.pay.notify`, inside its `_response` root.
         */
        AlibabaDiantaoTripartiteRightPayNotifyResponse: {
            /**
             * @description 错误描述
             *
             *     Error description.
             * @example 系统异常
             */
            msg_info?: string;
            /**
             * @description 错误码
             *
             *     Error code.
             * @example 10001
             */
            msg_code?: string;
            /**
             * @description 是否成功
             *
             *     Whether it succeeded.
             * @example true
             */
            succ?: boolean;
            data?: components["schemas"]["TripartitePayNotifyRespDTO"];
            request_id?: components["schemas"]["RequestId"];
        };
        /**
         * TenderPrePayCmd
         * @description 请求参数
         *
         *     Request parameters.
         */
        TenderPrePayCmd: {
            /**
             * @description 订单id
             *
             *     Order id.
             * @example 1234
             */
            order_id: string;
            /**
             * @description 预付款流水号
             *
             *     Prepayment serial number: the API's idempotency key, so a retry must carry the same value.
             * @example xxx
             */
            pre_pay_no: string;
            /**
             * Format: int64
             * @description 预付款执行动作
             *
             *     Prepayment action to perform (2: pay the prepayment).
             * @example 2
             */
            pre_pay_action: bigint;
        };
        /**
         * AlibabaIdleTenderPrePayActionRequest
         * @description 服务商预付款完成接口的请求参数
         *
         *     The business parameters of `alibaba.idle.tender.pre.pay.action`.
         */
        AlibabaIdleTenderPrePayActionRequest: {
            param0: components["schemas"]["TenderPrePayCmd"];
        };
        /**
         * TenderPrepayTopResult
         * @description 返回结果对象
         *
         *     The returned result object.
         */
        TenderPrepayTopResult: {
            /**
             * @description 订单id
             *
             *     Order id.
             * @example 1234
             */
            order_id?: string;
            /**
             * Format: int64
             * @description 预付款
             *
             *     Prepayment amount.
             * @example 1234
             */
            pre_pay_amount?: bigint;
            /**
             * @description 支付宝流水号
             *
             *     Alipay serial number.
             * @example 1234
             */
            pre_pay_no?: string;
            /**
             * @description 1-未支付,2-已支付
             *
             *     1: unpaid, 2: paid.
             * @example 2
             */
            pre_pay_status?: string;
            /**
             * Format: int64
             * @description 2-支付预付款
             *
             *     Prepayment action performed (2: pay the prepayment).
             * @example 2
             */
            pre_pay_action?: bigint;
            /**
             * @description 服务商appkey
             *
             *     The service provider's app key.
             * @example 123
             */
            app_key?: string;
            /**
             * @description 请求id
             *
             *     Request id (a business field of the result, not the envelope's `request_id`).
             * @example xxx
             */
            request_id?: string;
        };
        /**
         * CommonResult
         * @description 结果
         *
         *     Result: the prepayment (`data`) and whether the request succeeded (`success`, else `error_code` and `error_msg`).
         */
        CommonResult: {
            data?: components["schemas"]["TenderPrepayTopResult"];
            /**
             * @description 请求结果
             *
             *     Result of the request.
             * @example true
             */
            success?: boolean;
            /**
             * @description 异常编码
             *
             *     Exception code.
             * @example S_E_ERROR
             */
            error_code?: string;
            /**
             * @description 异常描述
             *
             *     Exception description.
             * @example 系统异常
             */
            error_msg?: string;
        };
        /**
         * AlibabaIdleTenderPrePayActionResponse
         * @description 服务商预付款完成接口的返回
         *
         *     The answer of `alibaba.idle.tender.pre.pay.action`, inside its `_response` root.
         */
        AlibabaIdleTenderPrePayActionResponse: {
            result?: components["schemas"]["CommonResult"];
            request_id?: components["schemas"]["RequestId"];
        };
        /**
         * QingchengPayReqDTO
         * @description 入参
         *
         *     Input.
         */
        QingchengPayReqDTO: {
            /**
             * @description 协商价格
             *
             *     Negotiated price.
             * @example 10000
             */
            nego_price: string;
            /**
             * @description 付款码或会员码
             *
             *     Payment code or membership code.
             * @example 231023
             */
            qr_code: string;
            /**
             * @description 幂等请求号
             *
             *     Idempotent request number: the API's idempotency key, so a retry must carry the same value.
             * @example 34896985984894
             */
            request_id: string;
            /**
             * @description pos机编号
             *
             *     POS machine number.
             * @example 222
             */
            machine_id?: string;
            /**
             * @description 外部订单号
             *
             *     External order number.
             * @example 111111
             */
            out_biz_id: string;
            /**
             * Format: int64
             * @description 商品Id
             *
             *     Item id.
             * @example 222
             */
            item_id?: bigint;
            /**
             * @description 收银员姓名
             *
             *     Cashier's name.
             * @example 张丽
             */
            cashier_name: string;
            /**
             * @description 收银员Id
             *
             *     Cashier id.
             * @example 346753
             */
            cashier_id: string;
            /**
             * @description 门店Id
             *
             *     Store id.
             * @example 333333
             */
            store_id: string;
        };
        /**
         * AlibabaAlisportsLianbeiXposPayRequest
         * @description 三方支付接口的请求参数
         *
         *     The business parameters of `alibaba.alisports.lianbei.xpos.pay`.
         */
        AlibabaAlisportsLianbeiXposPayRequest: {
            param0: components["schemas"]["QingchengPayReqDTO"];
        };
        /**
         * QingchengPayRespDTO
         * @description 业务返回结果
         *
         *     The business result of the payment.
         */
        QingchengPayRespDTO: {
            /**
             * @description 交易支付单号ID
             *
             *     Checkout (payment slip) id.
             * @example 0
             */
            checkout_id?: string;
            /**
             * Format: int64
             * @description 订单号
             *
             *     Order number. Real order numbers exceed 2^53: read it losslessly.
             * @example 0
             */
            biz_order_id?: bigint;
            /**
             * @description 业务成功与否
             *
             *     Whether the business operation succeeded.
             * @example true
             */
            success?: boolean;
            /**
             * Format: int64
             * @description 本次支付金额(分)
             *
             *     Amount paid by this payment, in fen.
             * @example 3
             */
            current_pay_fee?: bigint;
            /**
             * @description 付款凭证标识,统一支付层的单据id
             *
             *     Payment voucher id: the unified payment layer's document id.
             * @example 3
             */
            payment_order_id?: string;
            /**
             * Format: int64
             * @description 支付状态,1:成功,2:失败,3:状态未决
             *
             *     Payment status: 1 success, 2 failure, 3 pending.
             * @example 3
             */
            result_status?: bigint;
            /**
             * Format: int64
             * @description buyerId
             *
             *     Buyer id. May be empty: a JSON answer then leaves the field out, an XML answer has an empty `<buyer_id></buyer_id>`.
             */
            buyer_id?: bigint;
        };
        /**
         * QingchengXPosResult
         * @description 返回结果
         *
         *     The result: the payment itself (`model`) beside the call's own status (`http_status_code`, `msg_code`, `msg_info`, `success`).
         */
        QingchengXPosResult: {
            model?: components["schemas"]["QingchengPayRespDTO"];
            /**
             * Format: int64
             * @description http状态码
             *
             *     HTTP status code.
             * @example 200
             */
            http_status_code?: bigint;
            /**
             * @description 业务自定义的业务code
             *
             *     The business's own result code.
             * @example 0
             */
            msg_code?: string;
            /**
             * @description 对应msg_code的消息
             *
             *     The message for `msg_code`.
             * @example 访问成功
             */
            msg_info?: string;
            /**
             * @description 接口是否访问成功
             *
             *     Whether the call reached the service successfully.
             * @example true
             */
            success?: boolean;
        };
        /**
         * AlibabaAlisportsLianbeiXposPayResponse
         * @description 三方支付接口的返回
         *
         *     The answer of `alibaba.alisports.lianbei.xpos.pay`, inside its `_response` root.
         */
        AlibabaAlisportsLianbeiXposPayResponse: {
            result?: components["schemas"]["QingchengXPosResult"];
            request_id?: components["schemas"]["RequestId"];
        };
    };
    responses: never;
    parameters: {
        /**
         * @description API接口名称。
         *
         *     The name of the API to call.
         */
        Method: string;
        /**
         * @description TOP分配给应用的AppKey。
         *
         *     The app key TOP assigned to the caller.
         */
        AppKey: string;
        /**
         * @description 时间戳，格式为yyyy-MM-dd HH:mm:ss，时区为GMT+8。API服务端允许客户端请求最大时间误差为10分钟。
         *
         *     The time of the call, `yyyy-MM-dd HH:mm:ss` in GMT+8 whatever the caller's time zone. The gateway accepts 10 minutes of difference (code 31 past that).
         */
        Timestamp: string;
        /**
         * @description API协议版本，可选值：2.0。
         *
         *     The protocol version, always `2.0`.
         */
        Version: "2.0";
        /**
         * @description 签名的摘要算法，可选值为：hmac，md5，hmac-sha256。
         *
         *     The signature algorithm: `md5` = MD5(secret + string + secret), `hmac` = HMAC-MD5, `hmac-sha256` = HMAC-SHA256 (the secret is the key).
         */
        SignMethod: "md5" | "hmac" | "hmac-sha256";
        /**
         * @description API输入参数签名结果。
         *
         *     The upper-case hex signature over every other non-empty parameter, sorted by name and concatenated as name + value (see Signing).
         */
        Sign: string;
        /**
         * @description 响应格式。默认为xml格式，可选值：xml，json。
         *
         *     The answer's format. The documented default is `xml`; every SDK sends `json`.
         */
        Format: "json" | "xml";
        /**
         * @description 是否采用精简JSON返回格式，仅当format=json时有效，默认值为：false。
         *
         *     With `format=json`, `true` drops the `<root>` wrapper: the root object is the answer. Errors stay wrapped in `error_response`.
         */
        Simplify: boolean;
        /**
         * @description 合作伙伴身份标识。
         *
         *     The caller's partner or SDK identifier, e.g. `top-sdk-java-20200706`.
         */
        PartnerId: string;
        /**
         * @description 被调用的目标AppKey，仅当被调用的API为第三方ISV提供时有效。
         *
         *     The target app's key; only for APIs provided by a third-party ISV.
         */
        TargetAppKey: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    alibabaCloudgameTradeplatformPayorder: {
        parameters: {
            query: {
                /**
                 * @description API接口名称。
                 *
                 *     The name of the API to call.
                 */
                method: components["parameters"]["Method"];
                /**
                 * @description TOP分配给应用的AppKey。
                 *
                 *     The app key TOP assigned to the caller.
                 */
                app_key: components["parameters"]["AppKey"];
                /**
                 * @description 时间戳，格式为yyyy-MM-dd HH:mm:ss，时区为GMT+8。API服务端允许客户端请求最大时间误差为10分钟。
                 *
                 *     The time of the call, `yyyy-MM-dd HH:mm:ss` in GMT+8 whatever the caller's time zone. The gateway accepts 10 minutes of difference (code 31 past that).
                 */
                timestamp: components["parameters"]["Timestamp"];
                /**
                 * @description API协议版本，可选值：2.0。
                 *
                 *     The protocol version, always `2.0`.
                 */
                v: components["parameters"]["Version"];
                /**
                 * @description 签名的摘要算法，可选值为：hmac，md5，hmac-sha256。
                 *
                 *     The signature algorithm: `md5` = MD5(secret + string + secret), `hmac` = HMAC-MD5, `hmac-sha256` = HMAC-SHA256 (the secret is the key).
                 */
                sign_method: components["parameters"]["SignMethod"];
                /**
                 * @description API输入参数签名结果。
                 *
                 *     The upper-case hex signature over every other non-empty parameter, sorted by name and concatenated as name + value (see Signing).
                 */
                sign: components["parameters"]["Sign"];
                /**
                 * @description 响应格式。默认为xml格式，可选值：xml，json。
                 *
                 *     The answer's format. The documented default is `xml`; every SDK sends `json`.
                 */
                format?: components["parameters"]["Format"];
                /**
                 * @description 是否采用精简JSON返回格式，仅当format=json时有效，默认值为：false。
                 *
                 *     With `format=json`, `true` drops the `<root>` wrapper: the root object is the answer. Errors stay wrapped in `error_response`.
                 */
                simplify?: components["parameters"]["Simplify"];
                /**
                 * @description 合作伙伴身份标识。
                 *
                 *     The caller's partner or SDK identifier, e.g. `top-sdk-java-20200706`.
                 */
                partner_id?: components["parameters"]["PartnerId"];
                /**
                 * @description 被调用的目标AppKey，仅当被调用的API为第三方ISV提供时有效。
                 *
                 *     The target app's key; only for APIs provided by a third-party ISV.
                 */
                target_app_key?: components["parameters"]["TargetAppKey"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Business parameters, form-encoded. `request_param` travels as one form field holding compact JSON text. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "request_param": {
                 *         "charge_item_code": "1",
                 *         "order_id": "1",
                 *         "category_code": "1",
                 *         "refund_subscribe_list": [
                 *           {
                 *             "subscribe_id": "1",
                 *             "refund_amount": 1
                 *           }
                 *         ],
                 *         "user_country": "CHINA",
                 *         "balance_pay_amount": 1,
                 *         "pay_amount": 1,
                 *         "tenant_id": 1,
                 *         "commodity_code": "1",
                 *         "pay_start_time": 1,
                 *         "currency": "CNY",
                 *         "pay_idempotent_code": "1",
                 *         "huijin_account_id": 1,
                 *         "pay_serial_id": "1",
                 *         "credit_pay_amount": 1,
                 *         "credit_account_id": 1
                 *       }
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["AlibabaCloudgameTradeplatformPayorderRequest"];
            };
        };
        responses: {
            /** @description The `alibaba_cloudgame_tradeplatform_payorder_response` envelope, or `error_response`. Always HTTP 200. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alibaba_cloudgame_tradeplatform_payorder_response: components["schemas"]["AlibabaCloudgameTradeplatformPayorderResponse"];
                    } | components["schemas"]["ErrorResponse"];
                    "text/xml": components["schemas"]["XmlAnswer"];
                };
            };
        };
    };
    taobaoGameVirtualOrderCreate: {
        parameters: {
            query: {
                /**
                 * @description API接口名称。
                 *
                 *     The name of the API to call.
                 */
                method: components["parameters"]["Method"];
                /**
                 * @description TOP分配给应用的AppKey。
                 *
                 *     The app key TOP assigned to the caller.
                 */
                app_key: components["parameters"]["AppKey"];
                /**
                 * @description 时间戳，格式为yyyy-MM-dd HH:mm:ss，时区为GMT+8。API服务端允许客户端请求最大时间误差为10分钟。
                 *
                 *     The time of the call, `yyyy-MM-dd HH:mm:ss` in GMT+8 whatever the caller's time zone. The gateway accepts 10 minutes of difference (code 31 past that).
                 */
                timestamp: components["parameters"]["Timestamp"];
                /**
                 * @description API协议版本，可选值：2.0。
                 *
                 *     The protocol version, always `2.0`.
                 */
                v: components["parameters"]["Version"];
                /**
                 * @description 签名的摘要算法，可选值为：hmac，md5，hmac-sha256。
                 *
                 *     The signature algorithm: `md5` = MD5(secret + string + secret), `hmac` = HMAC-MD5, `hmac-sha256` = HMAC-SHA256 (the secret is the key).
                 */
                sign_method: components["parameters"]["SignMethod"];
                /**
                 * @description API输入参数签名结果。
                 *
                 *     The upper-case hex signature over every other non-empty parameter, sorted by name and concatenated as name + value (see Signing).
                 */
                sign: components["parameters"]["Sign"];
                /**
                 * @description 响应格式。默认为xml格式，可选值：xml，json。
                 *
                 *     The answer's format. The documented default is `xml`; every SDK sends `json`.
                 */
                format?: components["parameters"]["Format"];
                /**
                 * @description 是否采用精简JSON返回格式，仅当format=json时有效，默认值为：false。
                 *
                 *     With `format=json`, `true` drops the `<root>` wrapper: the root object is the answer. Errors stay wrapped in `error_response`.
                 */
                simplify?: components["parameters"]["Simplify"];
                /**
                 * @description 合作伙伴身份标识。
                 *
                 *     The caller's partner or SDK identifier, e.g. `top-sdk-java-20200706`.
                 */
                partner_id?: components["parameters"]["PartnerId"];
                /**
                 * @description 被调用的目标AppKey，仅当被调用的API为第三方ISV提供时有效。
                 *
                 *     The target app's key; only for APIs provided by a third-party ISV.
                 */
                target_app_key?: components["parameters"]["TargetAppKey"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Business parameters, form-encoded, one form field each. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "ext": "{\"gasStation\":\"中国石化加油站(中旅望京站)\",\"octaneRating\":\"97\",\"oilGunNum\":\"001\"}",
                 *       "biz_code": "YP",
                 *       "picture_url": "http://www.pictureurl.com",
                 *       "item_name": "特惠加油#油站#油品#油枪号",
                 *       "pay_price": 500,
                 *       "account": "13810002001",
                 *       "seller_id": 123321,
                 *       "out_order_id": "didi20200305101530"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["GameVirtualOrderCreateRequest"];
            };
        };
        responses: {
            /** @description The `game_virtual_order_create_response` envelope, or `error_response`. Always HTTP 200. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        game_virtual_order_create_response: components["schemas"]["GameVirtualOrderCreateResponse"];
                    } | components["schemas"]["ErrorResponse"];
                    "text/xml": components["schemas"]["XmlAnswer"];
                };
            };
        };
    };
    alibabaDiantaoTripartiteRightPayNotify: {
        parameters: {
            query: {
                /**
                 * @description API接口名称。
                 *
                 *     The name of the API to call.
                 */
                method: components["parameters"]["Method"];
                /**
                 * @description TOP分配给应用的AppKey。
                 *
                 *     The app key TOP assigned to the caller.
                 */
                app_key: components["parameters"]["AppKey"];
                /**
                 * @description 时间戳，格式为yyyy-MM-dd HH:mm:ss，时区为GMT+8。API服务端允许客户端请求最大时间误差为10分钟。
                 *
                 *     The time of the call, `yyyy-MM-dd HH:mm:ss` in GMT+8 whatever the caller's time zone. The gateway accepts 10 minutes of difference (code 31 past that).
                 */
                timestamp: components["parameters"]["Timestamp"];
                /**
                 * @description API协议版本，可选值：2.0。
                 *
                 *     The protocol version, always `2.0`.
                 */
                v: components["parameters"]["Version"];
                /**
                 * @description 签名的摘要算法，可选值为：hmac，md5，hmac-sha256。
                 *
                 *     The signature algorithm: `md5` = MD5(secret + string + secret), `hmac` = HMAC-MD5, `hmac-sha256` = HMAC-SHA256 (the secret is the key).
                 */
                sign_method: components["parameters"]["SignMethod"];
                /**
                 * @description API输入参数签名结果。
                 *
                 *     The upper-case hex signature over every other non-empty parameter, sorted by name and concatenated as name + value (see Signing).
                 */
                sign: components["parameters"]["Sign"];
                /**
                 * @description 响应格式。默认为xml格式，可选值：xml，json。
                 *
                 *     The answer's format. The documented default is `xml`; every SDK sends `json`.
                 */
                format?: components["parameters"]["Format"];
                /**
                 * @description 是否采用精简JSON返回格式，仅当format=json时有效，默认值为：false。
                 *
                 *     With `format=json`, `true` drops the `<root>` wrapper: the root object is the answer. Errors stay wrapped in `error_response`.
                 */
                simplify?: components["parameters"]["Simplify"];
                /**
                 * @description 合作伙伴身份标识。
                 *
                 *     The caller's partner or SDK identifier, e.g. `top-sdk-java-20200706`.
                 */
                partner_id?: components["parameters"]["PartnerId"];
                /**
                 * @description 被调用的目标AppKey，仅当被调用的API为第三方ISV提供时有效。
                 *
                 *     The target app's key; only for APIs provided by a third-party ISV.
                 */
                target_app_key?: components["parameters"]["TargetAppKey"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Business parameters, form-encoded. `tripartite_pay_notify_dto` travels as one form field holding compact JSON text. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "tripartite_pay_notify_dto": {
                 *         "extend": "{}",
                 *         "biz": "业务标识",
                 *         "amount": 100,
                 *         "phone_number": "18072887365",
                 *         "pay_time": 1661766890994,
                 *         "right_code": "flowPacket",
                 *         "idempotent_id": "18072887365_11434434554",
                 *         "biz_scene": "xx",
                 *         "title": "流量包",
                 *         "channel_id": 1234,
                 *         "source": "中国移动",
                 *         "outer_order_id": "1057706761588580000"
                 *       }
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["AlibabaDiantaoTripartiteRightPayNotifyRequest"];
            };
        };
        responses: {
            /** @description The `alibaba_diantao_tripartite_right_pay_notify_response` envelope, or `error_response`. Always HTTP 200. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alibaba_diantao_tripartite_right_pay_notify_response: components["schemas"]["AlibabaDiantaoTripartiteRightPayNotifyResponse"];
                    } | components["schemas"]["ErrorResponse"];
                    "text/xml": components["schemas"]["XmlAnswer"];
                };
            };
        };
    };
    alibabaIdleTenderPrePayAction: {
        parameters: {
            query: {
                /**
                 * @description API接口名称。
                 *
                 *     The name of the API to call.
                 */
                method: components["parameters"]["Method"];
                /**
                 * @description TOP分配给应用的AppKey。
                 *
                 *     The app key TOP assigned to the caller.
                 */
                app_key: components["parameters"]["AppKey"];
                /**
                 * @description 时间戳，格式为yyyy-MM-dd HH:mm:ss，时区为GMT+8。API服务端允许客户端请求最大时间误差为10分钟。
                 *
                 *     The time of the call, `yyyy-MM-dd HH:mm:ss` in GMT+8 whatever the caller's time zone. The gateway accepts 10 minutes of difference (code 31 past that).
                 */
                timestamp: components["parameters"]["Timestamp"];
                /**
                 * @description API协议版本，可选值：2.0。
                 *
                 *     The protocol version, always `2.0`.
                 */
                v: components["parameters"]["Version"];
                /**
                 * @description 签名的摘要算法，可选值为：hmac，md5，hmac-sha256。
                 *
                 *     The signature algorithm: `md5` = MD5(secret + string + secret), `hmac` = HMAC-MD5, `hmac-sha256` = HMAC-SHA256 (the secret is the key).
                 */
                sign_method: components["parameters"]["SignMethod"];
                /**
                 * @description API输入参数签名结果。
                 *
                 *     The upper-case hex signature over every other non-empty parameter, sorted by name and concatenated as name + value (see Signing).
                 */
                sign: components["parameters"]["Sign"];
                /**
                 * @description 响应格式。默认为xml格式，可选值：xml，json。
                 *
                 *     The answer's format. The documented default is `xml`; every SDK sends `json`.
                 */
                format?: components["parameters"]["Format"];
                /**
                 * @description 是否采用精简JSON返回格式，仅当format=json时有效，默认值为：false。
                 *
                 *     With `format=json`, `true` drops the `<root>` wrapper: the root object is the answer. Errors stay wrapped in `error_response`.
                 */
                simplify?: components["parameters"]["Simplify"];
                /**
                 * @description 合作伙伴身份标识。
                 *
                 *     The caller's partner or SDK identifier, e.g. `top-sdk-java-20200706`.
                 */
                partner_id?: components["parameters"]["PartnerId"];
                /**
                 * @description 被调用的目标AppKey，仅当被调用的API为第三方ISV提供时有效。
                 *
                 *     The target app's key; only for APIs provided by a third-party ISV.
                 */
                target_app_key?: components["parameters"]["TargetAppKey"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Business parameters, form-encoded. `param0` travels as one form field holding compact JSON text. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "param0": {
                 *         "order_id": "1234",
                 *         "pre_pay_no": "xxx",
                 *         "pre_pay_action": 2
                 *       }
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["AlibabaIdleTenderPrePayActionRequest"];
            };
        };
        responses: {
            /** @description The `alibaba_idle_tender_pre_pay_action_response` envelope, or `error_response`. Always HTTP 200. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alibaba_idle_tender_pre_pay_action_response: components["schemas"]["AlibabaIdleTenderPrePayActionResponse"];
                    } | components["schemas"]["ErrorResponse"];
                    "text/xml": components["schemas"]["XmlAnswer"];
                };
            };
        };
    };
    alibabaAlisportsLianbeiXposPay: {
        parameters: {
            query: {
                /**
                 * @description API接口名称。
                 *
                 *     The name of the API to call.
                 */
                method: components["parameters"]["Method"];
                /**
                 * @description TOP分配给应用的AppKey。
                 *
                 *     The app key TOP assigned to the caller.
                 */
                app_key: components["parameters"]["AppKey"];
                /**
                 * @description 时间戳，格式为yyyy-MM-dd HH:mm:ss，时区为GMT+8。API服务端允许客户端请求最大时间误差为10分钟。
                 *
                 *     The time of the call, `yyyy-MM-dd HH:mm:ss` in GMT+8 whatever the caller's time zone. The gateway accepts 10 minutes of difference (code 31 past that).
                 */
                timestamp: components["parameters"]["Timestamp"];
                /**
                 * @description API协议版本，可选值：2.0。
                 *
                 *     The protocol version, always `2.0`.
                 */
                v: components["parameters"]["Version"];
                /**
                 * @description 签名的摘要算法，可选值为：hmac，md5，hmac-sha256。
                 *
                 *     The signature algorithm: `md5` = MD5(secret + string + secret), `hmac` = HMAC-MD5, `hmac-sha256` = HMAC-SHA256 (the secret is the key).
                 */
                sign_method: components["parameters"]["SignMethod"];
                /**
                 * @description API输入参数签名结果。
                 *
                 *     The upper-case hex signature over every other non-empty parameter, sorted by name and concatenated as name + value (see Signing).
                 */
                sign: components["parameters"]["Sign"];
                /**
                 * @description 响应格式。默认为xml格式，可选值：xml，json。
                 *
                 *     The answer's format. The documented default is `xml`; every SDK sends `json`.
                 */
                format?: components["parameters"]["Format"];
                /**
                 * @description 是否采用精简JSON返回格式，仅当format=json时有效，默认值为：false。
                 *
                 *     With `format=json`, `true` drops the `<root>` wrapper: the root object is the answer. Errors stay wrapped in `error_response`.
                 */
                simplify?: components["parameters"]["Simplify"];
                /**
                 * @description 合作伙伴身份标识。
                 *
                 *     The caller's partner or SDK identifier, e.g. `top-sdk-java-20200706`.
                 */
                partner_id?: components["parameters"]["PartnerId"];
                /**
                 * @description 被调用的目标AppKey，仅当被调用的API为第三方ISV提供时有效。
                 *
                 *     The target app's key; only for APIs provided by a third-party ISV.
                 */
                target_app_key?: components["parameters"]["TargetAppKey"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Business parameters, form-encoded. `param0` travels as one form field holding compact JSON text. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "param0": {
                 *         "nego_price": "10000",
                 *         "qr_code": "231023",
                 *         "request_id": "34896985984894",
                 *         "machine_id": "222",
                 *         "out_biz_id": "111111",
                 *         "item_id": 222,
                 *         "cashier_name": "张丽",
                 *         "cashier_id": "346753",
                 *         "store_id": "333333"
                 *       }
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["AlibabaAlisportsLianbeiXposPayRequest"];
            };
        };
        responses: {
            /** @description The `alibaba_alisports_lianbei_xpos_pay_response` envelope, or `error_response`. Always HTTP 200. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alibaba_alisports_lianbei_xpos_pay_response: components["schemas"]["AlibabaAlisportsLianbeiXposPayResponse"];
                    } | components["schemas"]["ErrorResponse"];
                    "text/xml": components["schemas"]["XmlAnswer"];
                };
            };
        };
    };
}
