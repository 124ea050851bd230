import { useMutation } from '@tanstack/react-query';
import { apiCall } from './client.ts';

/** Upload one image (multipart, field "file"); the server checks its type from the content. */
export function useUploadImage() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiCall('createUpload', { form });
    },
  });
}
