import { hoursAndMinutes, plural, type Translation } from './translation.js';

/** Spanish. */
const es: Translation = {
  languageName: 'Español',
  dismiss: 'Ocultar',
  close: 'Cerrar',
  emailLabel: 'Correo electrónico',
  privacyLink: 'Política de privacidad',
  errorEmail: 'Introduce un correo electrónico válido.',
  errorConsent: 'Marca primero la casilla para aceptar.',
  errorNetwork: 'Algo ha fallado. Inténtalo de nuevo.',
  absenceLabel: 'Aviso de la tienda',
  absenceUpcoming: ({ range }) => `Estaremos fuera del ${range}.`,
  absenceActive: ({ end }) => `Estamos fuera hasta el ${end}.`,
  absenceShips: ({ date }) =>
    `Puedes seguir comprando: los pedidos de ahora se envían a partir del ${date}.`,
  absenceNotify: 'Avísame cuando volváis',
  absenceNotifySubmit: 'Avisarme',
  absenceNotifyDone: '¡Gracias! Te escribiremos cuando volvamos.',
  freeShippingLabel: 'Progreso hacia el envío gratuito',
  freeShippingRemaining: ({ amount }) => `Añade ${amount} para el envío gratuito`,
  freeShippingRemainingTier: ({ amount, label }) => `Añade ${amount} para: ${label}`,
  freeShippingUnlocked: 'Envío gratuito conseguido',
  freeShippingTierUnlocked: ({ label }) => `${label}: conseguido`,
  cutoffToday: ({ duration }) => `Pide en menos de ${duration} y sale hoy`,
  duration: ({ hours, minutes }) => hoursAndMinutes(hours, minutes, 'h', 'min'),
  cutoffLater: ({ date }) => `Pide ahora, sale el ${date}`,
  cutoffDelivery: ({ method, range }) => `Entrega estimada con ${method}: ${range}`,
  deadlineOrderBy: ({ date, event, method }) =>
    `Pide antes del ${date} para recibirlo antes de ${event} (${method})`,
  deadlineTooLate: ({ event }) => `Los pedidos de ahora no llegarán antes de ${event}.`,
  faqLabel: 'Preguntas frecuentes',
  faqSearch: 'Buscar en las preguntas',
  faqEmpty: ({ query }) => `Ninguna pregunta coincide con «${query}».`,
  faqCount: ({ count }) => `${count} ${plural('es', count, 'pregunta', 'preguntas')}`,
  captureTitle: 'Guarda tu carrito',
  captureIntro: 'Déjanos tu correo y te enviaremos un enlace a tu carrito.',
  captureSubmit: 'Guardar mi carrito',
  captureDone: 'Guardado. Te hemos enviado un enlace a tu carrito.',
  captureNoThanks: 'No, gracias',
};
export default es;
