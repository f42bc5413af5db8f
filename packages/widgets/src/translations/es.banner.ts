import type { BannerStrings } from './translation.js';

/** Spanish: the absence banner's strings (loaded alone on a page with only the banner). */
const es: BannerStrings = {
  dismiss: 'Ocultar',
  absenceLabel: 'Aviso de la tienda',
  dayRange: ({ start, end }) => `del ${start} al ${end}`,
  absenceUpcoming: ({ range }) => `Estaremos fuera ${range}.`,
  absenceActive: ({ end }) => `Estamos fuera hasta el ${end}.`,
  absenceShips: ({ date }) =>
    `Puedes seguir comprando: los pedidos que hagas ahora se enviarán a partir del ${date}.`,
  showMore: 'Más',
  showLess: 'Menos',
  absencePaused: ({ date }) => `Los pedidos están en pausa hasta el ${date}`,
};
export default es;

/** The language's other strings (every element but the banner needs them). */
export const rest = () => import('./es.rest.js');
