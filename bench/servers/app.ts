/** The one app every benchmark call is signed for (no side effects: the load generator imports it too). */
export const APP_KEY = '12345678';
export const APP_SECRET = 'helloworld';
