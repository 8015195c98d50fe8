import { Center, Loader } from '@mantine/core';

export const PageLoader = () => (
  <Center mih={200}>
    <Loader size="md" />
  </Center>
);
