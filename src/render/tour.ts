import type { BilingualText } from '../scenario/scenario.ts';

/** One stop of a guided tour: a camera preset, a caption in both languages and the layers shown. */
export interface TourStop {
  presetId: string;
  caption: BilingualText;
  /** Layer id → visible, applied when the stop is shown (others keep their state). */
  layers?: Record<string, boolean>;
}

/** The default tour for leaders: the city, then the planning hot spots. */
export const DEFAULT_TOUR: readonly TourStop[] = [
  {
    presetId: 'city',
    caption: {
      vi: 'Thành phố Thủ Đức: 211 km², hợp nhất Quận 2, Quận 9 và Quận Thủ Đức (2021).',
      en: 'Thủ Đức City: 211 km², merging Districts 2, 9 and Thủ Đức (2021).',
    },
  },
  {
    presetId: 'thuThiem',
    caption: {
      vi: 'Khu đô thị mới Thủ Thiêm: trung tâm tài chính mới bên kia sông Sài Gòn.',
      en: 'Thủ Thiêm new urban area: the new financial centre across the Saigon River.',
    },
  },
  {
    presetId: 'metroLine1',
    caption: {
      vi: 'Tuyến Metro số 1 Bến Thành – Suối Tiên dọc xa lộ Hà Nội.',
      en: 'Metro Line 1 Bến Thành – Suối Tiên along the Hanoi Highway.',
    },
  },
  {
    presetId: 'hiTechPark',
    caption: {
      vi: 'Khu Công nghệ cao TP.HCM: động lực việc làm và giao thông giờ cao điểm.',
      en: 'Saigon Hi-Tech Park: a driver of jobs and of peak-hour traffic.',
    },
  },
  {
    presetId: 'vnuUrbanArea',
    caption: {
      vi: 'Khu đô thị Đại học Quốc gia TP.HCM.',
      en: 'Vietnam National University HCMC urban area.',
    },
  },
];
