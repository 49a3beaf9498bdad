// The gateway the matrix's clients call: the generated gateway with the mock
// handlers, except where a case needs more: xpos pay echoes its int64 item_id
// (above 2^53 in the suite) and counts its runs per idempotency key; a
// virtual order whose out_order_id starts `isp-` fails as the platform would.
// Runs on the host (client matrix) and on each gateway runtime (gateway matrix).
import type * as ServerPackage from '../../generated/server/src/index.ts';

export const MATRIX_APP_KEY = 'matrix-app';
export const MATRIX_SECRET = 'matrix-secret-密钥';

export function matrixGateway(pkg: typeof ServerPackage): ReturnType<typeof ServerPackage.createGateway> {
  const runs = new Map<string, number>();
  return pkg.createGateway({
    apps: (key) => (key === MATRIX_APP_KEY ? MATRIX_SECRET : undefined),
    verifySession: (session) => ({ user: session }),
    handlers: {
      ...pkg.mockHandlers,
      taobaoGameVirtualOrderCreate: (params, context) => {
        if (params.out_order_id.startsWith('isp-')) throw new pkg.GatewayError(15, 'isp.remote-service-timeout', 'the backend timed out');
        return pkg.mockHandlers.taobaoGameVirtualOrderCreate(params, context);
      },
      alibabaAlisportsLianbeiXposPay: (params) => {
        const id = params.param0.item_id ?? 0n;
        const n = (runs.get(params.param0.request_id) ?? 0) + 1;
        runs.set(params.param0.request_id, n);
        return { result: { success: true, msg_info: `runs:${n}`, model: { biz_order_id: id, buyer_id: id + 1n, current_pay_fee: 9223372036854775807n } } };
      },
    },
  });
}
