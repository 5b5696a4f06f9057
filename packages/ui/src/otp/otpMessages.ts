import { defineMessages } from '../i18n/defineMessages.js';

/** Strings of OtpInput. */
export const otpMessages = /* @__PURE__ */ defineMessages({
  'otp.title': ['Подтверждение телефона', 'Confirm your phone'],
  'otp.label': ['Код из SMS', 'SMS code'],
  'otp.sending': ['Отправляем код…', 'Sending the code…'],
  'otp.sentTo': ['Код отправлен на {phone}.', 'We sent a code to {phone}.'],
  'otp.notSent': [
    'Нажмите «Получить код», и мы пришлём SMS.',
    'Press “Get a code” and we will text you one.',
  ],
  'otp.send': ['Получить код', 'Get a code'],
  'otp.expiresIn': ['Код действует ещё {time}.', 'The code is valid for {time}.'],
  'otp.attemptsLeft': ['Осталось попыток: {count}.', 'Attempts left: {count}.'],
  'otp.resend': ['Отправить код ещё раз', 'Send the code again'],
  'otp.resendIn': ['Отправить код ещё раз можно через {time}.', 'You can ask for a new code in {time}.'],
  'otp.verify': ['Подтвердить', 'Confirm'],
  'otp.verifying': ['Проверяем код…', 'Checking the code…'],
  'otp.verified': ['Телефон подтверждён', 'Your phone is confirmed'],
  'otp.verified.summary': ['Номер {phone} подтверждён кодом из SMS.', 'The number {phone} is confirmed.'],
  'otp.wrong': ['Неверный код. Осталось попыток: {count}.', 'Wrong code. Attempts left: {count}.'],
  'otp.expired': [
    'Срок действия кода истёк. Запросите новый код.',
    'The code has expired. Ask for a new one.',
  ],
  'otp.exhausted': ['Попытки закончились. Запросите новый код.', 'No attempts left. Ask for a new code.'],
  'otp.incomplete': ['Введите все {length} цифры кода.', 'Enter all {length} digits of the code.'],
});
