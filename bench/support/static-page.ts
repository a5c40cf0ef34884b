/**
 * The baseline page: the sign-in screen's heading, inputs and button as plain HTML, no script,
 * so the same readiness probe measures what any page costs to load in this browser.
 */
export const staticSignInPage = `<!doctype html>
<html lang="ar" dir="rtl">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>مكتب · Maktab</title>
  </head>
  <body>
    <main>
      <h1>تسجيل الدخول</h1>
      <form>
        <label>اسم المستخدم <input name="username" autocomplete="username" dir="ltr" /></label>
        <label>كلمة المرور <input name="password" type="password" /></label>
        <button type="submit">دخول</button>
      </form>
    </main>
  </body>
</html>
`;
