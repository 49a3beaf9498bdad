// The business parameters of one alibaba.cloudgame.tradeplatform.payorder
// call as a form carries them (request_param is JSON text), the API most
// gateway tests drive: `key` is its idempotency key (pay_idempotent_code);
// `fields` replaces or adds DTO fields (a recognisable value a log must not show).
export const PAY = 'alibaba.cloudgame.tradeplatform.payorder';

export const payParam = (key: string, amount = 1, fields: Record<string, unknown> = {}): Record<string, string> => ({
  request_param: JSON.stringify({
    charge_item_code: '1',
    order_id: 'o',
    category_code: 'c',
    user_country: 'CHINA',
    balance_pay_amount: amount,
    tenant_id: 1,
    commodity_code: 'x',
    pay_start_time: 1,
    currency: 'CNY',
    pay_idempotent_code: key,
    pay_serial_id: 's',
    ...fields,
  }),
});
