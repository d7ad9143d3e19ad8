// Pure business rules shared by the API and the console. No Nest, TypeORM or IO imports here.
export {};
