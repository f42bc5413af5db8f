import type { RestStrings } from './translation.js';

/** Spanish: the strings of every element but the banner (see `es.banner.ts`). */
const es: RestStrings = {
  languageName: 'Español',
  close: 'Cerrar',
  emailLabel: 'Correo electrónico',
  privacyLink: 'Política de privacidad',
  errorEmail: 'Introduce un correo electrónico válido.',
  errorConsent: 'Marca primero la casilla para aceptar.',
  errorNetwork: 'Algo ha fallado. Inténtalo de nuevo.',
  absenceNotify: 'Avísame cuando volváis',
  absenceNotifySubmit: 'Avisarme',
  absenceNotifyDone: '¡Gracias! Te escribiremos cuando volvamos.',
  freeShippingLabel: 'Progreso hacia el envío gratuito',
  freeShippingRemaining: ({ amount }) => `Añade ${amount} para el envío gratuito`,
  freeShippingRemainingTier: ({ amount, label }) => `${label}: añade ${amount}`,
  freeShippingUnlocked: 'Envío gratuito conseguido',
  freeShippingTierUnlocked: ({ label }) => `${label}: objetivo conseguido`,
  cutoffToday: ({ duration }) => `Pide en menos de ${duration} y lo enviamos hoy`,
  // Strict comparisons: the config page renders the entry with `{hours}` and `{minutes}`.
  duration: ({ hours, minutes }) =>
    hours === 0 ? `${minutes} min` : minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`,
  cutoffLater: ({ date }) => `Haz tu pedido ahora: lo enviamos el ${date}`,
  cutoffDelivery: ({ method, range }) => `Entrega estimada con ${method}: ${range}`,
  deadlineOrderBy: ({ date, event, method }) =>
    `Haz tu pedido antes del ${date} para recibirlo antes de ${event} (${method})`,
  deadlineTooLate: ({ event }) => `Los pedidos que hagas ahora no llegarán antes de ${event}.`,
  faqLabel: 'Preguntas frecuentes',
  faqSearch: 'Buscar en las preguntas',
  faqEmpty: ({ query }) => `Ninguna pregunta coincide con «${query}».`,
  faqCount: ({ count }) =>
    `${count} ${new Intl.PluralRules('es').select(count) === 'one' ? 'pregunta' : 'preguntas'}`,
  captureTitle: 'Guarda tu carrito',
  captureIntro: 'Déjanos tu correo y te enviaremos un enlace a tu carrito.',
  captureSubmit: 'Guardar mi carrito',
  captureDone:
    'Guardado. Si no completas tu pedido, te enviaremos por correo un enlace a este carrito.',
  captureNoThanks: 'No, gracias',
  restoreKeptNewer:
    'Este dispositivo tenía un carrito más reciente: lo hemos conservado y le hemos añadido tus artículos guardados.',
  restoreDone: '¡Hola de nuevo! Aquí está tu carrito guardado.',
  announcementLabel: 'Avisos',
  announcementEndsIn: ({ duration }) => `Termina en ${duration}`,
  announcementEndsOn: ({ date }) => `Hasta el ${date}`,
  announcementPrevious: 'Mensaje anterior',
  announcementNext: 'Mensaje siguiente',
  announcementPause: 'Pausar los mensajes',
  announcementDismiss: 'Ocultar este anuncio',
};
export default es;
